package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationReport;
import com.datamingle.migrations.schema.DatabaseOrigin;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code init-db} and {@code reset-db}, the Flask guide's database commands. */
final class DatabaseCommands {
  private DatabaseCommands() {}

  @Command(
      name = "init-db",
      mixinStandardHelpOptions = true,
      description =
          "Create the schema at head in an empty database; refuses a database that holds any"
              + " table.")
  static final class InitDb implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      DatabaseOrigin origin = migrator.origin();
      if (origin.foreign()) {
        throw new RootCommand.KnownFailure(
            "refusing to init-db "
                + migrator.target().describe()
                + ": it is a database "
                + origin.describe()
                + "; nothing was written. "
                + DatabaseOrigin.wayInSentence());
      }
      if (!migrator.isEmpty()) {
        throw new RootCommand.KnownFailure(
            "the database "
                + migrator.target().describe()
                + " is not empty; init-db only creates a schema from nothing: use `datamingle db"
                + " upgrade` to bring it to head, or `reset-db` to start over");
      }
      MigrationReport report =
          migrator.upgrade(null, DbCommand.progress(spec.commandLine().getOut()));
      spec.commandLine()
          .getOut()
          .println("Created the schema. Database is at " + DbCommand.describe(report.after()));
      return RootCommand.OK;
    }
  }

  @Command(
      name = "reset-db",
      mixinStandardHelpOptions = true,
      description = {
        "Drop everything and recreate the schema at head. Takes a backup first, asks on a terminal"
            + " (or --yes),",
        "and refuses, unless --force, when DATAMINGLE_ENV=production or when the database was made"
            + " by another tool."
      })
  static final class ResetDb implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    @Option(
        names = "--force",
        description = {
          "Allow it with DATAMINGLE_ENV=production, and on a database DataMingle did not make",
          "(its tables are dropped too; the backup is still taken first)."
        })
    boolean force;

    @Override
    public Integer call() {
      Settings settings = DbCommand.settings(spec);
      if (settings.environment() == Settings.Environment.PRODUCTION && !force) {
        throw new RootCommand.KnownFailure(
            "refusing to reset a production database (DATAMINGLE_ENV=production);"
                + " if you really mean it, add --force (a backup is still taken first)");
      }
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      DatabaseOrigin origin = migrator.origin();
      if (origin.foreign() && !force) {
        throw new RootCommand.KnownFailure(
            "refusing to reset "
                + migrator.target().describe()
                + ": it is a database "
                + origin.describe()
                + ", and reset-db would drop its tables; nothing was written. "
                + DatabaseOrigin.wayInSentence()
                + " To throw its tables away instead, add --force (a backup is still taken"
                + " first).");
      }
      Confirm.require(
          yes,
          "This drops every table of "
              + migrator.target().describe()
              + " and recreates the schema empty.",
          "--yes");
      if (!migrator.isEmpty()) {
        DbMoreCommands.automaticBackup(spec, "reset-db");
      }
      migrator.dropEverything();
      MigrationReport report =
          migrator.upgrade(null, DbCommand.progress(spec.commandLine().getOut()));
      spec.commandLine()
          .getOut()
          .println("Reset. Database is at " + DbCommand.describe(report.after()));
      return RootCommand.OK;
    }
  }
}
