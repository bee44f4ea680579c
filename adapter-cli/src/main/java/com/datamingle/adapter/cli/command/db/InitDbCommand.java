package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.KnownFailure;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationReport;
import com.datamingle.migrations.schema.DatabaseOrigin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle init-db}, the Flask guide's command (registered at the top level). */
@Command(
    name = "init-db",
    mixinStandardHelpOptions = true,
    description =
        "Create the schema at head in an empty database; refuses a database that holds any"
            + " table.")
public final class InitDbCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    DatabaseMigrator migrator = context.migrator();
    DatabaseOrigin origin = migrator.origin();
    if (origin.foreign()) {
      throw new KnownFailure(
          "refusing to init-db "
              + migrator.target().describe()
              + ": it is a database "
              + origin.describe()
              + "; nothing was written. "
              + DatabaseOrigin.wayInSentence());
    }
    if (!migrator.isEmpty()) {
      throw new KnownFailure(
          "the database "
              + migrator.target().describe()
              + " is not empty; init-db only creates a schema from nothing: use `datamingle db"
              + " upgrade` to bring it to head, or `reset-db` to start over");
    }
    if (json.requested()) {
      MigrationReport report = migrator.upgrade(null, MigrationText.progress(context.err()));
      context.out().println(Output.json(MigrationText.json(migrator, report, null)));
      return ExitCode.OK;
    }
    MigrationReport report = migrator.upgrade(null, MigrationText.progress(context.out()));
    context
        .out()
        .println("Created the schema. Database is at " + MigrationText.describe(report.after()));
    return ExitCode.OK;
  }
}
