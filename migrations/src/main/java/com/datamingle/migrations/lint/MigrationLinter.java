package com.datamingle.migrations.lint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks migration scripts for statements that are valid but dangerous on a database in use. A
 * finding is accepted by a comment line right above its statement: {@code -- lint:accept RULE_ID
 * reason}.
 */
public final class MigrationLinter {
  private static final Pattern ACCEPT =
      Pattern.compile("^--\\s*lint:accept\\b\\s*([A-Za-z0-9_-]*)\\s*(.*)$");
  private static final int SHOWN = 300;

  /** How many rows a table holds in the configured database, when that is known. */
  @FunctionalInterface
  public interface RowCounter {
    RowCounter NONE = (dialect, table) -> OptionalLong.empty();

    OptionalLong rows(SqlDialect dialect, String table);
  }

  private MigrationLinter() {}

  /**
   * Lints the scripts, in the order given, each with what the earlier ones of its dialect say about
   * the schema; reports the findings of those marked {@code checked}.
   */
  public static LintReport lint(List<LintScript> scripts, RowCounter rows) {
    Map<SqlDialect, SchemaMemory> memory = new EnumMap<>(SqlDialect.class);
    List<String> checked = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (LintScript script : scripts) {
      List<Finding> found =
          lint(script, memory.computeIfAbsent(script.dialect(), d -> new SchemaMemory()), rows);
      if (script.checked()) {
        checked.add(script.dialect().id() + "/" + script.fileName());
        findings.addAll(found);
      }
    }
    return new LintReport(checked, findings);
  }

  private static List<Finding> lint(LintScript script, SchemaMemory schema, RowCounter rows) {
    List<ScriptStatement> statements = StatementSplitter.split(script.text());
    List<String> normalized = statements.stream().map(ScriptStatement::normalized).toList();
    ScriptState state =
        new ScriptState(script.dialect(), !StatementSplitter.noTransaction(script.text()), schema);
    state.survey(normalized);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      ScriptStatement statement = statements.get(i);
      String shown = shown(statement.text());
      List<Finding> here = new ArrayList<>();
      for (Hit hit : StatementChecks.check(normalized.get(i), i, state)) {
        if (!hit.rule().dialects().contains(script.dialect())) {
          continue;
        }
        String detail = hit.detail();
        if (hit.rule() == Rule.TABLE_REBUILD) {
          OptionalLong count = rows.rows(script.dialect(), state.rebuilds.get(i));
          if (count.isPresent()) {
            detail += " (" + count.getAsLong() + " rows in the configured database)";
          }
        }
        here.add(
            new Finding(
                hit.rule(),
                script.dialect(),
                script.fileName(),
                statement.line(),
                shown,
                detail,
                null));
      }
      findings.addAll(accept(here, statement, script));
    }
    return findings;
  }

  /** Applies the statement's accept comments; a malformed one is a finding of its own. */
  private static List<Finding> accept(
      List<Finding> found, ScriptStatement statement, LintScript script) {
    List<Finding> out = new ArrayList<>(found);
    for (ScriptStatement.Comment comment : statement.comments()) {
      Matcher m = ACCEPT.matcher(comment.text());
      if (!m.matches()) {
        continue;
      }
      String ruleId = m.group(1);
      String reason = m.group(2).strip();
      if (Rule.byId(ruleId).isEmpty() || reason.isEmpty()) {
        out.add(
            new Finding(
                Rule.INVALID_ACCEPT,
                script.dialect(),
                script.fileName(),
                comment.line(),
                comment.text(),
                Rule.byId(ruleId).isEmpty()
                    ? "'" + ruleId + "' is not a rule id"
                    : "no reason given for " + ruleId,
                null));
        continue;
      }
      out.replaceAll(f -> f.rule().id().equals(ruleId) && !f.accepted() ? f.accept(reason) : f);
    }
    return out;
  }

  private static String shown(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN - 3) + "...";
  }
}
