package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.bootstrap.Wiring;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.autogen.Autogen;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code db migrate -m}, {@code db check} and {@code db drift}: the declared schema against the
 * migrations and the database.
 */
final class AutogenCommands {
  private AutogenCommands() {}

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = {
        "Write a migration (both databases, same id) from the difference between the declared"
            + " schema and the migrations.",
        "Refuses unless the database is at head. Needs a PostgreSQL for scratch schemas:"
            + " DATABASE_URL on PostgreSQL,",
        "or DATAMINGLE_DEV_POSTGRES_URL."
      })
  static final class Migrate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-m", "--message"},
        required = true,
        paramLabel = "MESSAGE",
        description = "What changed, e.g. \"add teams\".")
    String message;

    @Option(
        names = "--rename",
        paramLabel = "TABLE.OLD=NEW",
        description = "Treat a dropped and an added column as a rename (repeatable).")
    List<String> renames = List.of();

    @Override
    public Integer call() {
      Settings settings = DbCommand.settings(spec);
      if (settings.migrationsDir() == null) {
        throw new RootCommand.UsageFailure(
            "db migrate writes into a scripts folder: pass --migrations DIR or set"
                + " DATAMINGLE_MIGRATIONS (from a checkout, ./datamingle does that for you)");
      }
      Map<String, String> hints = new LinkedHashMap<>();
      for (String rename : renames) {
        if (!rename.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*=[a-z_][a-z0-9_]*")) {
          throw new RootCommand.UsageFailure(
              "--rename '" + rename + "' is not TABLE.OLD=NEW, e.g. --rename users.fullname=name");
        }
        hints.put(
            rename.substring(0, rename.indexOf('=')), rename.substring(rename.indexOf('=') + 1));
      }
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      Autogen.Generated generated =
          Wiring.autogen(settings).generate(migrator, message, hints, Clock.systemUTC());
      PrintWriter out = spec.commandLine().getOut();
      if (generated.files().isEmpty()) {
        out.println("No changes in schema detected.");
        return RootCommand.OK;
      }
      generated.operations().forEach(op -> out.println("  " + op));
      generated.files().forEach(f -> out.println("wrote " + f));
      PrintWriter err = spec.commandLine().getErr();
      generated.warnings().forEach(w -> err.println("WARNING " + w));
      out.println(
          "Review both files, rehearse with `datamingle db test`, then `datamingle db upgrade`.");
      return RootCommand.OK;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Compare the declared schema with what the migrations produce, without writing; exit 1"
              + " when they differ (for CI).")
  static final class Check implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Settings settings = DbCommand.settings(spec);
      List<String> operations =
          Wiring.autogen(settings).check(DbCommand.migrator(spec).target().dialect());
      if (operations.isEmpty()) {
        spec.commandLine().getOut().println("No new upgrade operations detected.");
        return RootCommand.OK;
      }
      operations.forEach(op -> spec.commandLine().getOut().println("  " + op));
      throw new RootCommand.KnownFailure(
          "New upgrade operations detected ("
              + operations.size()
              + "); run `datamingle db migrate -m \"...\"` to write them");
    }
  }

  @Command(
      name = "drift",
      mixinStandardHelpOptions = true,
      description =
          "Compare the live database with what its applied migrations should have produced; names"
              + " each difference.")
  static final class Drift implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Settings settings = DbCommand.settings(spec);
      List<String> differences =
          Wiring.schemaDrift(settings).sinceApplied(DbCommand.migrator(spec));
      if (differences.isEmpty()) {
        spec.commandLine().getOut().println("No drift: the database is what its migrations made.");
        return RootCommand.OK;
      }
      differences.forEach(d -> spec.commandLine().getOut().println("DRIFT " + d));
      throw new RootCommand.KnownFailure(
          differences.size()
              + " difference(s) from the migrations; never change tables by hand:"
              + " write a migration, or restore the table");
    }
  }
}
