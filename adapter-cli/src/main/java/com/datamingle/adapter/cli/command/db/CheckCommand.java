package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.command.common.Subcommand;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code datamingle db check}: the declared schema against what the migrations produce. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Compare the declared schema with what the migrations produce, without writing; exit 1"
            + " when they differ (for CI).")
final class CheckCommand extends Subcommand {

  @Override
  public Integer call() {
    List<String> operations =
        SchemaWiring.autogen(context.settings()).check(context.migrator().target().dialect());
    return Findings.conclude(
        context,
        operations,
        null,
        "  ",
        "No new upgrade operations detected.",
        "New upgrade operations detected ("
            + operations.size()
            + "); run `datamingle db migrate -m \"...\"` to write them");
  }
}
