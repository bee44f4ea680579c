package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code datamingle db downgrade [TARGET]}. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
    description = "Undo applied migrations: one step by default.")
final class DbDowngradeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
      description = "-N to undo N steps, a migration id to go back to it (it stays applied), or `base` to undo everything.")
  String target;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DatabaseMigrator migrator = DbCommand.migrator(spec);
    MigrationReport report;
    if (target == null) {
      report = migrator.downgradeSteps(1, DbCommand.progress(out));
    } else if (target.matches("-\\d+")) {
      int steps;
      try {
        steps = Integer.parseInt(target.substring(1));
      } catch (NumberFormatException e) {
        throw new RootCommand.UsageFailure("'" + target + "' is too many steps; give -N with a small N, an id or base");
      }
      report = migrator.downgradeSteps(steps, DbCommand.progress(out));
    } else if (target.equals("base") || target.matches("\\d+")) {
      report = migrator.downgradeTo(target, DbCommand.progress(out));
    } else {
      throw new RootCommand.UsageFailure("'" + target + "' is not a downgrade target; give -N (steps), a migration id, or base");
    }
    if (report.ran().isEmpty()) {
      out.println("Nothing to undo. Database " + migrator.target().describe() + " is at " + DbCommand.describe(report.after()));
    } else {
      out.println("Undid " + report.ran().size() + " migration(s). Database " + migrator.target().describe()
          + " is at " + DbCommand.describe(report.after()));
    }
    return RootCommand.OK;
  }
}
