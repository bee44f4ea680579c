package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.YesOption;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db repair}: accept edited applied scripts by their new checksums. */
@Command(
    name = "repair",
    mixinStandardHelpOptions = true,
    description =
        "Accept the current files of edited applied migrations by recording their checksums. Asks"
            + " first (or --yes).")
final class RepairCommand extends Subcommand {

  @Mixin YesOption yes;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    DatabaseMigrator migrator = context.migrator();
    PrintWriter out = context.out();
    List<MigrationEntry> edited =
        migrator.status().entries().stream().filter(MigrationEntry::checksumMismatch).toList();
    if (edited.isEmpty()) {
      out.println(
          json.requested()
              ? Output.json(Map.of("accepted", List.of()))
              : "Nothing to repair: every applied migration matches its script.");
      return ExitCode.OK;
    }
    if (!json.requested()) {
      edited.forEach(e -> out.println("edited since applied: " + e.fileName()));
    }
    yes.confirm(
        "The database keeps the schema these scripts made when they were applied; repair only"
            + " records the current files as the applied ones.");
    List<MigrationEntry> accepted = migrator.repair();
    if (json.requested()) {
      out.println(
          Output.json(
              Map.of("accepted", accepted.stream().map(MigrationEntry::fileName).toList())));
    } else {
      accepted.forEach(e -> out.println("accepted " + e.fileName()));
    }
    return ExitCode.OK;
  }
}
