package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.MessageOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.UsageFailure;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationLint;
import com.datamingle.migrations.autogen.Autogen;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.lint.LintModels;
import com.datamingle.migrations.lint.LintReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code datamingle db migrate -m MESSAGE}: a migration written from the declared schema, then
 * linted as {@code db lint --dialect both} would (its findings are printed; {@code db upgrade}
 * refuses the errors among them until fixed or accepted).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true)
final class MigrateCommand extends Subcommand {

  @Mixin MessageOption message;

  @Option(names = "--rename", paramLabel = "TABLE.OLD=NEW")
  List<String> renames = List.of();

  @Mixin JsonOption json;

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
    LintReport lint = lint(migrator, settings, generated.files());
    PrintWriter out = context.out();
    PrintWriter err = context.err();
    generated.warnings().forEach(w -> err.println("WARNING " + w));
    if (json.requested()) {
      out.println(
          Output.json(
              Output.object(
                  "changes",
                  !generated.files().isEmpty(),
                  "operations",
                  generated.operations(),
                  "written",
                  Output.paths(generated.files()),
                  "warnings",
                  generated.warnings(),
                  "lint",
                  LintModels.json(lint))));
      return ExitCode.OK;
    }
    if (generated.files().isEmpty()) {
      out.println("No changes in schema detected.");
      return ExitCode.OK;
    }
    generated.operations().forEach(op -> out.println("  " + op));
    generated.files().forEach(f -> out.println("wrote " + f));
    if (lint.findings().isEmpty()) {
      out.println("db lint: no finding in what was written.");
    } else {
      out.println();
      lint.findings().forEach(f -> LintCommand.print(out, f));
      out.println(
          "db lint: "
              + lint.findings().size()
              + " finding(s) in what was written; `db upgrade` refuses the "
              + lint.blocking().size()
              + " error(s) until each is fixed or accepted with `-- lint:accept RULE reason`"
              + " right above it.");
    }
    out.println(
        "Review the files, rehearse with `datamingle db test`, then `datamingle db upgrade`.");
    return ExitCode.OK;
  }

  /** The lint of the scripts just written (the database is at head: they are its pending ones). */
  private static LintReport lint(DatabaseMigrator migrator, Settings settings, List<Path> files) {
    Set<String> written =
        files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    LintReport all =
        MigrationLint.lint(
            migrator.target(),
            MigrationWiring.scripts(settings),
            EnumSet.allOf(Dialect.class),
            false);
    return new LintReport(
        all.checkedFiles().stream()
            .filter(f -> written.contains(f.substring(f.indexOf('/') + 1)))
            .toList(),
        all.findings().stream().filter(f -> written.contains(f.file())).toList());
  }
}
