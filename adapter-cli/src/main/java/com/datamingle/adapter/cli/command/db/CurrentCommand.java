package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.schema.DatabaseOrigin;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db current}. */
@Command(name = "current", mixinStandardHelpOptions = true)
final class CurrentCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    print(context.migrator(), context.out());
    return ExitCode.OK;
  }

  private void print(DatabaseMigrator migrator, PrintWriter out) {
    MigrationStatus status = migrator.status();
    DatabaseOrigin origin = migrator.origin();
    if (json.requested()) {
      out.println(Output.json(asJson(migrator, status, origin)));
    } else if (origin.foreign()) {
      out.println("not a DataMingle database: " + origin.describe());
      out.println(DatabaseOrigin.wayInSentence());
    } else {
      out.println(MigrationText.describe(status));
    }
  }

  private static Map<String, Object> asJson(
      DatabaseMigrator migrator, MigrationStatus status, DatabaseOrigin origin) {
    Map<String, Object> o = Output.object();
    o.put("database", migrator.target().describe());
    o.put("current", status.current().map(MigrationText::json).orElse(null));
    o.put("head", status.head().map(MigrationEntry::id).orElse(null));
    o.put("at_head", status.atHead());
    o.put("pending", status.withState(MigrationEntry.State.PENDING).size());
    Map<String, Object> made = Output.object();
    made.put("kind", origin.kind().name().toLowerCase(java.util.Locale.ROOT));
    made.put(
        "made_by",
        origin.foreign()
            ? origin.madeBy()
            : origin.kind() == DatabaseOrigin.Kind.DATAMINGLE ? "DataMingle" : null);
    made.put("revision", origin.revision());
    made.put("tables", origin.tables());
    o.put("origin", made);
    return o;
  }
}
