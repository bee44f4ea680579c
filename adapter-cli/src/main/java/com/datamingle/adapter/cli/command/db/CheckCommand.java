package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.command.common.CommandContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db check}: the declared schema against what the migrations produce. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Compare the declared schema with what the migrations produce, without writing; exit 1"
            + " when they differ (for CI).")
final class CheckCommand implements Callable<Integer> {
  @Mixin CommandContext context;

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
