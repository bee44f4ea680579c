package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datamingle db upgrade [TARGET]}. */
@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = "Apply pending migrations, to the newest (head) or up to TARGET.")
final class DbUpgradeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TARGET",
      description = "A migration id (see `db history`), or `head` (the default).")
  String target;

  @Option(
      names = "--sql",
      description =
          "Print the exact SQL that would run (changelog statements included) and change nothing.")
  boolean sql;

  @Option(names = "--backup", description = "Back the database up first (see `db backup`).")
  boolean backup;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DatabaseMigrator migrator = DbCommand.migrator(spec);
    String version = target == null || target.equals("head") ? null : target;
    if (sql) {
      out.print(migrator.upgradeSql(version));
      return RootCommand.OK;
    }
    if (backup && migrator.status().current().isPresent()) {
      DbMoreCommands.automaticBackup(spec, "upgrade");
    }
    MigrationReport report = migrator.upgrade(version, DbCommand.progress(out));
    DbCommand.printOutcome(out, migrator, report, "Nothing to apply.", "Applied");
    return RootCommand.OK;
  }
}
