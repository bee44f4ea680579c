package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datamingle db downgrade [TARGET]}. */
@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description = "Undo applied migrations: one step by default.")
final class DbDowngradeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TARGET",
      description =
          "-N to undo N steps, a migration id to go back to it (it stays applied), or `base` to"
              + " undo everything.")
  String target;

  @Option(names = "--sql", description = "Print the exact SQL that would run and change nothing.")
  boolean sql;

  @Option(
      names = "--no-backup",
      description =
          "Skip the backup taken before undoing (not recommended). The newest"
              + " DATAMINGLE_BACKUP_KEEP (default 10) automatic backups are kept.")
  boolean noBackup;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DatabaseMigrator migrator = DbCommand.migrator(spec);
    int steps = 0;
    String version = null;
    if (target == null) {
      steps = 1;
    } else if (target.matches("-\\d+")) {
      try {
        steps = Integer.parseInt(target.substring(1));
      } catch (NumberFormatException e) {
        throw new RootCommand.UsageFailure(
            "'" + target + "' is too many steps; give -N with a small N, an id or base");
      }
    } else if (target.equals("base") || target.matches("\\d+")) {
      version = target;
    } else {
      throw new RootCommand.UsageFailure(
          "'" + target + "' is not a downgrade target; give -N (steps), a migration id, or base");
    }
    if (sql) {
      out.print(
          version == null ? migrator.downgradeStepsSql(steps) : migrator.downgradeToSql(version));
      return RootCommand.OK;
    }
    var status = migrator.status();
    var undo =
        version == null
            ? migrator.plannedDowngradeSteps(status, steps)
            : migrator.plannedDowngradeTo(status, version);
    if (!undo.isEmpty() && !noBackup) {
      DbMoreCommands.automaticBackup(spec, "downgrade");
    }
    MigrationReport report =
        version == null
            ? migrator.downgradeSteps(steps, DbCommand.progress(out))
            : migrator.downgradeTo(version, DbCommand.progress(out));
    DbCommand.printOutcome(out, migrator, report, "Nothing to undo.", "Undid");
    return RootCommand.OK;
  }
}
