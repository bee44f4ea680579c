package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.MessageOption;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.UsageFailure;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.autogen.Autogen;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code datamingle db migrate -m MESSAGE}: a migration written from the declared schema. */
@Command(name = "migrate", mixinStandardHelpOptions = true)
final class MigrateCommand extends Subcommand {

  @Mixin MessageOption message;

  @Option(names = "--rename", paramLabel = "TABLE.OLD=NEW")
  List<String> renames = List.of();

  @Override
  public Integer call() {
    Settings settings = context.settings();
    ScriptsFolder.require(settings, "db migrate");
    Map<String, String> hints = new LinkedHashMap<>();
    for (String rename : renames) {
      if (!rename.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*=[a-z_][a-z0-9_]*")) {
        throw new UsageFailure(
            "--rename '" + rename + "' is not TABLE.OLD=NEW, e.g. --rename users.fullname=name");
      }
      hints.put(
          rename.substring(0, rename.indexOf('=')), rename.substring(rename.indexOf('=') + 1));
    }
    DatabaseMigrator migrator = context.migrator();
    Autogen.Generated generated =
        SchemaWiring.autogen(settings).generate(migrator, message.text(), hints, Clock.systemUTC());
    PrintWriter out = context.out();
    if (generated.files().isEmpty()) {
      out.println("No changes in schema detected.");
      return ExitCode.OK;
    }
    generated.operations().forEach(op -> out.println("  " + op));
    generated.files().forEach(f -> out.println("wrote " + f));
    PrintWriter err = context.err();
    generated.warnings().forEach(w -> err.println("WARNING " + w));
    out.println(
        "Review the files, rehearse with `datamingle db test`, then `datamingle db upgrade`.");
    return ExitCode.OK;
  }
}
