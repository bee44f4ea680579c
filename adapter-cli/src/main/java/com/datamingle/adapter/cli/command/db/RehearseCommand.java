package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationRehearsal;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db test}: a rehearsal of the pending migrations on a copy. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description =
        "Rehearse the pending migrations on a copy of the database: apply, undo, apply again,"
            + " comparing the schema after each step. The real database is untouched.")
final class RehearseCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    var settings = context.settings();
    MigrationRehearsal.Result result =
        new MigrationRehearsal(context.migrator().target(), MigrationWiring.scripts(settings))
            .run(Path.of(System.getProperty("java.io.tmpdir")));
    Map<String, Object> o = null;
    if (json.requested()) {
      o = Output.object();
      o.put("rehearsed", result.rehearsed().stream().map(MigrationEntry::id).toList());
      o.put("passed", result.passed());
      o.put("differences", result.differences());
    } else if (!result.rehearsed().isEmpty()) {
      context
          .out()
          .println(
              "Rehearsed on a copy: "
                  + result.rehearsed().stream().map(MigrationEntry::label).toList());
    }
    return Findings.conclude(
        context,
        result.differences(),
        o,
        "DIFFERENCE ",
        result.rehearsed().isEmpty()
            ? "Nothing pending: the database is at head, so there is nothing to rehearse."
            : "OK: undo restored the schema exactly, and applying again gave the same schema.",
        "the rehearsal found "
            + result.differences().size()
            + " difference(s); fix the undo sections before applying");
  }
}
