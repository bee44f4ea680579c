package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.KnownFailure;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.Stamped;
import com.datamingle.migrations.schema.DatabaseOrigin;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datamingle db stamp TARGET}: record migrations as applied without running them. */
@Command(
    name = "stamp",
    mixinStandardHelpOptions = true,
    description = {
      "Mark migrations as applied up to TARGET without running them (adopting a database whose"
          + " schema was made",
      "some other way); an older TARGET unmarks newer ones. Refuses, naming the differences, when"
          + " the live schema is not",
      "what the migrations up to TARGET make (as `db drift` compares); --force marks anyway."
    })
final class StampCommand extends Subcommand {

  @Parameters(index = "0", paramLabel = "TARGET", description = "A migration id, or head.")
  String target;

  @Option(
      names = "--force",
      description =
          "Stamp even when the live schema differs from what the migrations up to TARGET make.")
  boolean force;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    DatabaseMigrator migrator = context.migrator();
    String version = migrator.stampTarget(target);
    PrintWriter out = context.out();
    if (!force) {
      refuseDrift(out, migrator, version);
    }
    Stamped stamped = migrator.stamp(target);
    if (json.requested()) {
      out.println(Output.json(json(version, stamped, migrator.status())));
      return ExitCode.OK;
    }
    stamped.ran().forEach(e -> out.println("created the changelog table (ran " + e.label() + ")"));
    stamped.marked().forEach(e -> out.println("marked as applied (not run): " + e.label()));
    stamped
        .unmarked()
        .forEach(
            e ->
                out.println(
                    "unmarked (no longer recorded as applied; its tables stay): " + e.label()));
    out.println(
        (stamped.nothing() ? "Nothing to stamp: the changelog already says so. " : "")
            + "Database is at "
            + MigrationText.describe(migrator.status()));
    return ExitCode.OK;
  }

  private static Map<String, Object> json(String version, Stamped stamped, MigrationStatus after) {
    Map<String, Object> o = Output.object();
    o.put("stamped", true);
    o.put("target", version);
    o.put("ran", stamped.ran().stream().map(MigrationEntry::id).toList());
    o.put("marked", stamped.marked().stream().map(MigrationEntry::id).toList());
    o.put("unmarked", stamped.unmarked().stream().map(MigrationEntry::id).toList());
    o.put("current", after.current().map(MigrationText::json).orElse(null));
    o.put("at_head", after.atHead());
    return o;
  }

  /** Names each difference between the live schema and the migrations up to version, then fails. */
  private void refuseDrift(PrintWriter out, DatabaseMigrator migrator, String version) {
    List<String> differences =
        SchemaWiring.schemaDrift(context.settings()).against(migrator, version);
    if (differences.isEmpty()) {
      return;
    }
    if (json.requested()) {
      Map<String, Object> o = Output.object();
      o.put("stamped", false);
      o.put("target", version);
      o.put("differences", differences);
      out.println(Output.json(o));
    } else {
      differences.forEach(d -> out.println("DIFFERENCE " + d));
    }
    DatabaseOrigin origin = migrator.origin();
    throw new KnownFailure(
        "refusing to stamp "
            + version
            + ": the live schema is not what the migrations up to "
            + version
            + " make ("
            + differences.size()
            + " difference(s), above); nothing was written."
            + (origin.foreign()
                ? " It is a database "
                    + origin.describe()
                    + "; "
                    + DatabaseOrigin.wayIn()
                    + "; --force marks it anyway."
                : " Stamp the version the schema matches, fix the schema, or add --force to"
                    + " mark it anyway."));
  }
}
