package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db check}: the declared schema against what the migrations produce. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Compare the declared schema with what the migrations produce, without writing; exit 1"
            + " when they differ (for CI).")
final class CheckCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    List<String> operations =
        SchemaWiring.autogen(context.settings()).check(context.migrator().target().dialect());
    Map<String, Object> o =
        json.requested()
            ? Output.object("changes", !operations.isEmpty(), "operations", operations)
            : null;
    return Findings.conclude(
        context,
        operations,
        o,
        "  ",
        "No new upgrade operations detected.",
        "New upgrade operations detected ("
            + operations.size()
            + "); run `datamingle db migrate -m \"...\"` to write them");
  }
}
