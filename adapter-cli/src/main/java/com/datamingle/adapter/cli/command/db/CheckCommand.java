package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.bootstrap.SchemaWiring;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.MigrationLint;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lint.GateMessages;
import com.datamingle.migrations.lint.LintModels;
import com.datamingle.migrations.lint.LintReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code datamingle db check}: the declared schema against what the migrations produce, and the
 * lint of the scripts the database has not applied (every script, on the fresh database of a CI).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the declared schema with what the migrations produce, without writing, and lint"
          + " the pending scripts of both dialects (as `db lint --dialect both`);",
      "exit 1 when they differ or a statement is unsafe on a live database and not accepted (for"
          + " CI)."
    })
final class CheckCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    MigrationTarget target = context.migrator().target();
    List<String> operations = SchemaWiring.autogen(context.settings()).check(target.dialect());
    LintReport lint =
        MigrationLint.lint(
            target,
            MigrationWiring.scripts(context.settings()),
            EnumSet.allOf(Dialect.class),
            false);
    List<String> unsafe =
        lint.blocking().stream()
            .map(
                f ->
                    "unsafe "
                        + GateMessages.where(f)
                        + ": "
                        + f.why()
                        + "; safe: "
                        + f.rule().safe())
            .toList();
    List<String> found = new ArrayList<>(operations);
    found.addAll(unsafe);
    Map<String, Object> o =
        json.requested()
            ? Output.object(
                "changes",
                !operations.isEmpty(),
                "operations",
                operations,
                "lint",
                LintModels.json(lint))
            : null;
    List<String> failures = new ArrayList<>();
    if (!operations.isEmpty()) {
      failures.add(
          "New upgrade operations detected ("
              + operations.size()
              + "); run `datamingle db migrate -m \"...\"` to write them");
    }
    if (!unsafe.isEmpty()) {
      failures.add(
          unsafe.size()
              + " statement(s) in the pending scripts are unsafe on a live database; write the"
              + " safe form, or accept each with `-- lint:accept RULE reason` right above it"
              + " (`datamingle db lint --dialect both` shows each)");
    }
    return Findings.conclude(
        context,
        found,
        o,
        "  ",
        "No new upgrade operations detected. No unsafe statement in "
            + lint.checkedFiles().size()
            + " pending script(s).",
        String.join("; ", failures));
  }
}
