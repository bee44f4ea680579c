package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db history}. */
@Command(name = "history", mixinStandardHelpOptions = true)
final class HistoryCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    MigrationStatus status = context.migrator().status();
    PrintWriter out = context.out();
    if (json.requested()) {
      out.println(Output.json(status.entries().stream().map(MigrationText::json).toList()));
      return ExitCode.OK;
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
    out.println("Database is at " + MigrationText.describe(status));
    return ExitCode.OK;
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
