package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationLint;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.lint.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db history}. */
@Command(name = "history", mixinStandardHelpOptions = true)
final class HistoryCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    DatabaseMigrator migrator = context.migrator();
    MigrationStatus status = migrator.status();
    Map<String, List<Finding>> accepted =
        MigrationLint.accepted(
            MigrationWiring.scripts(context.settings()), migrator.target().dialect());
    PrintWriter out = context.out();
    if (json.requested()) {
      out.println(
          Output.json(
              status.entries().stream()
                  .map(
                      e -> {
                        Map<String, Object> o = MigrationText.json(e);
                        o.put(
                            "lint_accepted",
                            acceptedIn(e, accepted).stream()
                                .map(
                                    f ->
                                        Output.object(
                                            "rule",
                                            f.rule().id(),
                                            "line",
                                            f.line(),
                                            "reason",
                                            f.acceptedBecause()))
                                .toList());
                        return o;
                      })
                  .toList()));
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
    for (MigrationEntry e : status.entries()) {
      for (Finding f : acceptedIn(e, accepted)) {
        out.println(
            "lint: "
                + e.id()
                + " accepted "
                + f.rule().id()
                + " at line "
                + f.line()
                + ": "
                + f.acceptedBecause());
      }
    }
    out.println("Database is at " + MigrationText.describe(status));
    return ExitCode.OK;
  }

  /** The findings accepted in an applied migration's script (none for any other). */
  private static List<Finding> acceptedIn(MigrationEntry e, Map<String, List<Finding>> accepted) {
    return e.state() == MigrationEntry.State.APPLIED && e.fileName() != null
        ? accepted.getOrDefault(e.fileName(), List.of())
        : List.of();
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
