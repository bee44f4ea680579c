package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db drift}: the live schema against what its applied migrations make. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description =
        "Compare the live database with what its applied migrations should have produced; names"
            + " each difference.")
final class DriftCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    List<String> differences =
        SchemaWiring.schemaDrift(context.settings()).sinceApplied(context.migrator());
    Map<String, Object> o =
        json.requested()
            ? Output.object("drift", !differences.isEmpty(), "differences", differences)
            : null;
    return Findings.conclude(
        context,
        differences,
        o,
        "DRIFT ",
        "No drift: the database is what its migrations made.",
        differences.size()
            + " difference(s) from the migrations; never change tables by hand:"
            + " write a migration, or restore the table");
  }
}
