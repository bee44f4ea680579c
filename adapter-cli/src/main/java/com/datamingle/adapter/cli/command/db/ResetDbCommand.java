package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.KnownFailure;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.YesOption;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationReport;
import com.datamingle.migrations.schema.DatabaseOrigin;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code datamingle reset-db}, the Flask guide's command (registered at the top level). */
@Command(
    name = "reset-db",
    mixinStandardHelpOptions = true,
    description = {
      "Drop everything and recreate the schema at head. Takes a backup first, asks on a terminal"
          + " (or --yes),",
      "and refuses, unless --force, when DATAMINGLE_ENV=production or when the database was made"
          + " by another tool."
    })
public final class ResetDbCommand extends Subcommand {

  @Mixin YesOption yes;

  @Mixin JsonOption json;

  @Option(
      names = "--force",
      description = {
        "Allow it with DATAMINGLE_ENV=production, and on a database DataMingle did not make",
        "(its tables are dropped too; the backup is still taken first)."
      })
  boolean force;

  @Override
  public Integer call() {
    Settings settings = context.settings();
    if (settings.environment() == Settings.Environment.PRODUCTION && !force) {
      throw new KnownFailure(
          "refusing to reset a production database (DATAMINGLE_ENV=production);"
              + " if you really mean it, add --force (a backup is still taken first)");
    }
    DatabaseMigrator migrator = context.migrator();
    DatabaseOrigin origin = migrator.origin();
    if (origin.foreign() && !force) {
      throw new KnownFailure(
          "refusing to reset "
              + migrator.target().describe()
              + ": it is a database "
              + origin.describe()
              + ", and reset-db would drop its tables; nothing was written. "
              + DatabaseOrigin.wayInSentence()
              + " To throw its tables away instead, add --force (a backup is still taken"
              + " first).");
    }
    yes.confirm(
        "This drops every table of "
            + migrator.target().describe()
            + " and recreates the schema empty.");
    PrintWriter notes = json.requested() ? context.err() : context.out();
    Path backup = null;
    if (!migrator.isEmpty()) {
      backup = new Backups(context, notes).automatic("reset-db");
    }
    migrator.dropEverything();
    MigrationReport report = migrator.upgrade(null, MigrationText.progress(notes));
    if (json.requested()) {
      context.out().println(Output.json(MigrationText.json(migrator, report, backup)));
      return ExitCode.OK;
    }
    context.out().println("Reset. Database is at " + MigrationText.describe(report.after()));
    return ExitCode.OK;
  }
}
