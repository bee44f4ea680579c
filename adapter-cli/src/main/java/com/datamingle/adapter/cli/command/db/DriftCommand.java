package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.command.common.Subcommand;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code datamingle db drift}: the live schema against what its applied migrations make. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description =
        "Compare the live database with what its applied migrations should have produced; names"
            + " each difference.")
final class DriftCommand extends Subcommand {

  @Override
  public Integer call() {
    List<String> differences =
        SchemaWiring.schemaDrift(context.settings()).sinceApplied(context.migrator());
    return Findings.conclude(
        context,
        differences,
        null,
        "DRIFT ",
        "No drift: the database is what its migrations made.",
        differences.size()
            + " difference(s) from the migrations; never change tables by hand:"
            + " write a migration, or restore the table");
  }
}
