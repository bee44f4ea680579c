package com.datamingle.migrations.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the lint gate of {@code db upgrade}, {@code db merge --apply} and {@code serve --migrate}
 * says when it refuses: each finding with its rule, place, why and safe form, then the three ways
 * on; and, when it lets the scripts through, one note per finding it let through.
 */
public final class GateMessages {
  private GateMessages() {}

  /** Every rule id, as {@code --allow} takes them, comma-separated. */
  public static String knownIds() {
    return Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", "));
  }

  /**
   * Where a finding is, as the gate and {@code db check} name it: {@code rule at
   * dialect/file:line}.
   */
  public static String where(Finding f) {
    return f.rule().id() + " at " + f.dialect().id() + "/" + f.file() + ":" + f.line();
  }

  /** The refusal for the findings that are neither accepted in their script nor allowed. */
  public static String message(List<Finding> refused) {
    StringBuilder b =
        new StringBuilder("refused: the pending migrations hold ")
            .append(refused.size())
            .append(" statement(s) unsafe on a live database; nothing was applied:");
    for (Finding f : refused) {
      b.append("\n  ")
          .append(where(f))
          .append(": ")
          .append(f.statement())
          .append("\n    why:  ")
          .append(f.why())
          .append("\n    safe: ")
          .append(f.rule().safe());
    }
    String example = refused.isEmpty() ? "RULE" : refused.get(0).rule().id();
    String allow =
        refused.stream()
            .map(f -> "--allow " + f.rule().id())
            .distinct()
            .collect(Collectors.joining(" "));
    return b.append("\nTo go on: fix each statement (the safe form above); or, when it is safe")
        .append(" here, accept it with a line `-- lint:accept ")
        .append(example)
        .append(" <reason>` right above it (before the script is applied; `db history` shows")
        .append(" the reason); or allow the rule(s) for this run with ")
        .append(refused.isEmpty() ? "--allow RULE" : allow)
        .append(". `datamingle db lint` shows every finding.")
        .toString();
  }

  /**
   * One line per finding the gate let through: accepted in its script (with the reason), allowed by
   * {@code --allow}, or a warning.
   */
  public static List<String> notes(LintReport report, Set<String> allowed) {
    List<String> notes = new ArrayList<>();
    for (Finding f : report.findings()) {
      String where = where(f);
      if (f.accepted()) {
        notes.add("lint: accepted " + where + " (" + f.acceptedBecause() + ")");
      } else if (f.blocking() && allowed.contains(f.rule().id())) {
        notes.add("lint: allowed by --allow " + where + ": " + f.why());
      } else if (!f.blocking()) {
        notes.add("lint: warning " + where + ": " + f.why());
      }
    }
    return notes;
  }
}
