package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datamingle db history}. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "List every migration: id, description, when it was applied, and marks for pending,"
            + " out-of-order and missing scripts.")
final class DbHistoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    MigrationStatus status = DbCommand.migrator(spec).status();
    if (json) {
      out.println(Output.json(status.entries().stream().map(DbCommand::json).toList()));
      return RootCommand.OK;
    }
    MigrationEntry current = status.current().orElse(null);
    Output.table(
        out,
        List.of("ID", "DESCRIPTION", "APPLIED AT", "STATE"),
        status.entries().stream()
            .map(
                e ->
                    List.of(
                        e.id(),
                        e.description(),
                        e.appliedAt() == null ? "-" : e.appliedAt(),
                        mark(e, current)))
            .toList());
    out.println();
    out.println("Database is at " + DbCommand.describe(status));
    return RootCommand.OK;
  }

  private static String mark(MigrationEntry e, MigrationEntry current) {
    String state =
        switch (e.state()) {
          case APPLIED -> "applied";
          case PENDING -> "pending";
          case OUT_OF_ORDER -> "NOT APPLIED (older than the current version)";
          case MISSING_SCRIPT -> "APPLIED, SCRIPT MISSING";
        };
    if (e.checksumMismatch()) {
      state = "applied, CHECKSUM MISMATCH (edited since; see db validate)";
    }
    return e == current ? state + " (current)" : state;
  }
}
