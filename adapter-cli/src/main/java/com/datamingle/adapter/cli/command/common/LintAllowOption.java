package com.datamingle.adapter.cli.command.common;

import com.datamingle.migrations.MigrationLint;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lint.GateMessages;
import com.datamingle.migrations.lint.LintReport;
import com.datamingle.migrations.lint.Rule;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --allow RULE}, mixed in by the commands that apply pending scripts to a database ({@code
 * db upgrade}, {@code db merge --apply}, {@code serve --migrate}), and the lint gate they run
 * first.
 */
public final class LintAllowOption {
  @Option(
      names = "--allow",
      paramLabel = "RULE",
      description =
          "Apply even though `db lint` finds RULE in the pending scripts (repeatable); prefer"
              + " accepting one statement with -- lint:accept RULE reason.")
  private List<String> rules = List.of();

  /** The rule ids given; a usage error naming every known id when one is not a rule. */
  public Set<String> rules() {
    for (String id : rules) {
      if (Rule.byId(id).isEmpty()) {
        throw new UsageFailure(
            "--allow " + id + ": no such lint rule; the rules are " + GateMessages.knownIds());
      }
    }
    return Set.copyOf(rules);
  }

  /**
   * Lints the pending scripts up to {@code upTo} (null: head) and refuses, before anything is
   * applied, an error-level finding neither accepted in its script nor allowed; otherwise prints a
   * note for each finding it lets through.
   */
  public void gate(MigrationTarget target, ScriptSource scripts, String upTo, PrintWriter notes) {
    Set<String> allowed = rules();
    LintReport report = MigrationLint.requireSafe(target, scripts, allowed, upTo);
    GateMessages.notes(report, allowed).forEach(notes::println);
  }
}
