package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.LintAllowOption;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.UsageFailure;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code datamingle db merge}: parallel work, scripts older than head that never ran. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Parallel work: list scripts older than the newest applied migration that were never"
          + " applied.",
      "--apply runs them in id order; --renumber gives them new ids after head (the next upgrade"
          + " applies them)."
    })
final class MergeCommand extends Subcommand {

  @Option(names = "--apply", description = "Apply them now, in id order.")
  boolean apply;

  @Option(
      names = "--renumber",
      description = "Rename them to ids after head, in every dialect's folder.")
  boolean renumber;

  @Mixin JsonOption json;

  @Mixin LintAllowOption allow;

  @Override
  public Integer call() {
    if (apply && renumber) {
      throw new UsageFailure("choose --apply or --renumber, not both");
    }
    DatabaseMigrator migrator = context.migrator();
    PrintWriter out = context.out();
    if (apply) {
      // the scripts it applies are older than the current version; later pending ones wait
      allow.gate(
          migrator.target(),
          MigrationWiring.scripts(context.settings()),
          migrator.status().current().map(MigrationEntry::id).orElse(null),
          out);
      MigrationReport report = migrator.applyOutOfOrder(MigrationText.progress(out));
      out.println(
          report.ran().isEmpty()
              ? "Nothing to merge."
              : "Merged "
                  + report.ran().size()
                  + " migration(s). Database is at "
                  + MigrationText.describe(report.after()));
    } else if (renumber) {
      Map<String, String> renamed = migrator.renumberOutOfOrder(Clock.systemUTC());
      renamed.forEach((from, to) -> out.println("renamed " + from + " -> " + to));
      out.println(renamed.isEmpty() ? "Nothing to renumber." : "Now run `datamingle db upgrade`.");
    } else {
      list(out, migrator.outOfOrder());
    }
    return ExitCode.OK;
  }

  private void list(PrintWriter out, List<MigrationEntry> outOfOrder) {
    if (json.requested()) {
      out.println(Output.json(outOfOrder.stream().map(MigrationText::json).toList()));
    } else if (outOfOrder.isEmpty()) {
      out.println("No parallel work: every script older than the database's version is applied.");
    } else {
      outOfOrder.forEach(e -> out.println("not applied: " + e.fileName()));
      out.println(
          "Run `datamingle db merge --apply` to apply them in id order, or `db merge"
              + " --renumber` to move them after head.");
    }
  }
}
