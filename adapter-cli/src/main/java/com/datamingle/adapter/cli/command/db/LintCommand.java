package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.MigrationLint;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lint.Finding;
import com.datamingle.migrations.lint.LintModels;
import com.datamingle.migrations.lint.LintReport;
import com.datamingle.migrations.lint.Rule;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code datamingle db lint}: statements that are dangerous on a database in use. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Check the pending migration scripts (all with --all) for statements that lock or rewrite"
          + " a table in use, lose data or break instances still running: each finding names its"
          + " rule, file and line, why it is dangerous and the safe form.",
      "Accept a finding with a comment right above its statement:"
          + " -- lint:accept RULE_ID reason. Exit 1 on an error-level finding not accepted."
    })
final class LintCommand extends Subcommand {
  /** Which scripts' dialects to check. */
  enum Which {
    SQLITE,
    POSTGRESQL,
    BOTH
  }

  @Option(names = "--all", description = "Check every script, not only the pending ones.")
  boolean all;

  @Option(
      names = "--dialect",
      paramLabel = "sqlite|postgresql|both",
      description = "Scripts to check; default: those of the configured database.")
  Which dialect;

  @Mixin JsonOption json;

  @Option(names = "--sarif", description = "Print SARIF 2.1.0 (for code-scanning in a CI).")
  boolean sarif;

  @Override
  public Integer call() {
    if (json.requested() && sarif) {
      throw context.usage("choose one output: --json or --sarif");
    }
    Settings settings = context.settings();
    MigrationTarget target = MigrationWiring.migrator(settings).target();
    ScriptSource scripts = MigrationWiring.scripts(settings);
    Set<Dialect> dialects =
        dialect == null
            ? EnumSet.of(target.dialect())
            : switch (dialect) {
              case SQLITE -> EnumSet.of(Dialect.SQLITE);
              case POSTGRESQL -> EnumSet.of(Dialect.POSTGRESQL);
              case BOTH -> EnumSet.allOf(Dialect.class);
            };
    LintReport report = MigrationLint.lint(target, scripts, dialects, all);
    PrintWriter out = context.out();
    if (json.requested()) {
      out.println(Output.json(LintModels.json(report)));
    } else if (sarif) {
      out.println(Output.json(LintModels.sarif(report, f -> uri(scripts, f))));
    } else {
      text(out, report);
    }
    return report.passes() ? ExitCode.OK : ExitCode.FAILED;
  }

  /**
   * The script's path relative to the working folder when it is a file there; else dialect/file.
   */
  private static String uri(ScriptSource scripts, Finding f) {
    return scripts
        .folder(Dialect.valueOf(f.dialect().name()))
        .map(dir -> dir.resolve(f.file()).toAbsolutePath().normalize())
        .map(
            file -> {
              Path here = Path.of("").toAbsolutePath();
              return file.startsWith(here) ? here.relativize(file) : file;
            })
        .map(p -> p.toString().replace('\\', '/'))
        .orElse(f.dialect().id() + "/" + f.file());
  }

  /** One finding as {@code db lint} (and {@code db migrate}) print it, then a blank line. */
  static void print(PrintWriter out, Finding f) {
    out.println(
        f.rule().severity().id()
            + (f.accepted() ? " (accepted)" : "")
            + "  "
            + f.rule().id()
            + "  "
            + f.dialect().id()
            + "/"
            + f.file()
            + ":"
            + f.line());
    out.println("  " + f.statement());
    out.println("  why:  " + f.why());
    out.println("  safe: " + f.rule().safe());
    f.acceptance().ifPresent(reason -> out.println("  accepted: " + reason));
    out.println();
  }

  private void text(PrintWriter out, LintReport report) {
    if (report.checkedFiles().isEmpty()) {
      out.println(
          "No pending migration scripts to check; `datamingle db lint --all` checks every one.");
      return;
    }
    report.findings().forEach(f -> print(out, f));
    long errors = report.blocking().size();
    long warnings =
        report.findings().stream()
            .filter(f -> !f.accepted() && f.rule().severity() == Rule.Severity.WARNING)
            .count();
    long accepted = report.findings().stream().filter(Finding::accepted).count();
    out.println(
        "Checked "
            + report.checkedFiles().size()
            + " script(s): "
            + errors
            + " error(s), "
            + warnings
            + " warning(s), "
            + accepted
            + " accepted."
            + (errors == 0
                ? ""
                : " Fix each error or accept it with `-- lint:accept RULE_ID reason` on the line"
                    + " above its statement."));
  }
}
