package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
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
import picocli.CommandLine.Option;

/** {@code datamingle db current}. */
@Command(
    name = "current",
    mixinStandardHelpOptions = true,
    description = "Show the database's version, and whether it is at head.")
final class CurrentCommand extends Subcommand {

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = context.out();
    DatabaseMigrator migrator = context.migrator();
    MigrationStatus status = migrator.status();
    DatabaseOrigin origin = migrator.origin();
    if (json) {
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
      out.println(Output.json(o));
    } else if (origin.foreign()) {
      out.println("not a DataMingle database: " + origin.describe());
      out.println(DatabaseOrigin.wayInSentence());
    } else {
      out.println(MigrationText.describe(status));
    }
    return ExitCode.OK;
  }
}
