package com.datamingle.migrations.lint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules over each action of an {@code ALTER TABLE} on a table that already exists. */
final class AlterTableChecks {
  private static final String ID = SqlText.ID;
  private static final Pattern ADD_CONSTRAINT =
      Pattern.compile(
          "^ADD (?:CONSTRAINT " + ID + " )?(PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK|EXCLUDE)\\b(.*)");
  private static final Pattern ADD_COLUMN =
      Pattern.compile("^ADD (?:COLUMN )?(?:IF NOT EXISTS )?(.*)");
  private static final Pattern DROP_COLUMN =
      Pattern.compile("^DROP (?:COLUMN )?(?:IF EXISTS )?" + ID);
  private static final Pattern RENAME_COLUMN =
      Pattern.compile("^RENAME (?:COLUMN )?" + ID + " TO " + ID);
  private static final Pattern ALTER_TYPE =
      Pattern.compile(
          "^ALTER (?:COLUMN )?" + ID + " (?:SET DATA )?TYPE (.+?)( USING .*| COLLATE .*)?$");
  private static final Pattern SET_NOT_NULL =
      Pattern.compile("^ALTER (?:COLUMN )?" + ID + " SET NOT NULL$");
  private static final Pattern NOT_NULL_CHECK =
      Pattern.compile("^ ?\\(\\(?" + ID + " IS NOT NULL\\)?\\)");
  private static final Pattern VOLATILE =
      Pattern.compile(
          "\\bDEFAULT\\b.*\\b(CLOCK_TIMESTAMP|RANDOM|GEN_RANDOM_UUID|UUID_GENERATE_V[14]|TIMEOFDAY"
              + "|NEXTVAL|STATEMENT_TIMESTAMP)\\b");
  private static final Pattern REWRITING_COLUMN =
      Pattern.compile(
          "^\\S+ (SMALLSERIAL|SERIAL|BIGSERIAL|SERIAL[248])\\b|\\bGENERATED\\b.*(IDENTITY|STORED)");

  private AlterTableChecks() {}

  static void check(String table, String actions, ScriptState state, List<Hit> hits) {
    boolean existing = !state.isNew(table);
    for (String action : SqlText.topLevel(actions)) {
      Matcher m;
      if (action.startsWith("DROP CONSTRAINT") || action.startsWith("RENAME CONSTRAINT")) {
        continue;
      }
      if (action.startsWith("VALIDATE CONSTRAINT ")) {
        state.schema.validated(SqlText.name(action.substring("VALIDATE CONSTRAINT ".length())));
      } else if ((m = ADD_CONSTRAINT.matcher(action)).find()) {
        constraint(table, m, action, existing, state, hits);
      } else if (action.startsWith("RENAME TO ")) {
        if (existing) {
          hits.add(new Hit(Rule.RENAME_TABLE, "renames table " + table));
        }
        state.schema.renameTable(table, SqlText.name(action.substring("RENAME TO ".length())));
      } else if ((m = RENAME_COLUMN.matcher(action)).find()) {
        if (existing) {
          hits.add(new Hit(Rule.RENAME_COLUMN, "renames column " + table + "." + name(m, 1)));
        }
        Map<String, String> cols = state.schema.columns(table);
        String type = cols.remove(name(m, 1));
        if (type != null) {
          cols.put(name(m, 2), type);
        }
      } else if ((m = DROP_COLUMN.matcher(action)).find()) {
        if (existing) {
          hits.add(new Hit(Rule.DROP_COLUMN, "drops column " + table + "." + name(m, 1)));
        }
        state.schema.columns(table).remove(name(m, 1));
      } else if ((m = ALTER_TYPE.matcher(action)).find()) {
        changeType(table, m, existing, state, hits);
      } else if ((m = SET_NOT_NULL.matcher(action)).find()) {
        if (existing && !state.schema.hasNotNullCheck(table, name(m, 1))) {
          hits.add(new Hit(Rule.SET_NOT_NULL, "column " + table + "." + name(m, 1)));
        }
      } else if ((m = ADD_COLUMN.matcher(action)).find()) {
        addColumn(table, m.group(1), existing, state, hits);
      }
    }
  }

  private static void constraint(
      String table, Matcher m, String action, boolean existing, ScriptState state, List<Hit> hits) {
    String kind = m.group(2);
    boolean notValid = action.endsWith(" NOT VALID");
    String constraint = m.group(1) == null ? null : SqlText.name(m.group(1));
    if (kind.equals("CHECK")) {
      Matcher nn = NOT_NULL_CHECK.matcher(m.group(3));
      if (nn.find()) {
        state.schema.notNullCheck(table, SqlText.name(nn.group(1)), constraint, !notValid);
      }
    }
    if (!existing) {
      return;
    }
    if ((kind.equals("CHECK") || kind.equals("FOREIGN KEY")) && !notValid) {
      hits.add(new Hit(Rule.CONSTRAINT_MISSING_NOT_VALID, kind + " on " + table));
    }
    if ((kind.equals("PRIMARY KEY") || kind.equals("UNIQUE"))
        && !action.contains(" USING INDEX ")) {
      hits.add(new Hit(Rule.CONSTRAINT_BUILDS_INDEX, kind + " on " + table));
    }
  }

  private static void changeType(
      String table, Matcher m, boolean existing, ScriptState state, List<Hit> hits) {
    String column = name(m, 1);
    String to = SqlText.type(m.group(2));
    Map<String, String> cols = state.schema.columns(table);
    String from = cols.get(column);
    cols.put(column, to);
    if (SqlText.isJson(to)) {
      hits.add(new Hit(Rule.PREFER_JSONB, "column " + table + "." + column + " becomes json"));
    }
    if (!existing) {
      return;
    }
    if (m.group(3) != null && m.group(3).startsWith(" USING")) {
      hits.add(new Hit(Rule.CHANGING_COLUMN_TYPE, table + "." + column + " with USING"));
    } else if (from == null || !SqlText.widens(from, to)) {
      String change =
          (from == null ? "" : " from " + from.toLowerCase(Locale.ROOT))
              + " to "
              + to.toLowerCase(Locale.ROOT)
              + (from == null ? " (its old type is unknown)" : "");
      hits.add(new Hit(Rule.CHANGING_COLUMN_TYPE, table + "." + column + change));
    }
  }

  private static void addColumn(
      String table, String definition, boolean existing, ScriptState state, List<Hit> hits) {
    var column = SqlText.column(definition);
    column.ifPresent(c -> state.schema.columns(table).put(c[0], c[1]));
    String name = column.map(c -> table + "." + c[0]).orElse(table);
    if (column.isPresent() && SqlText.isJson(column.get()[1])) {
      hits.add(new Hit(Rule.PREFER_JSONB, "column " + name + " is json"));
    }
    if (!existing) {
      return;
    }
    if (state.dialect == SqlDialect.POSTGRESQL
        && (VOLATILE.matcher(definition).find() || REWRITING_COLUMN.matcher(definition).find())) {
      hits.add(new Hit(Rule.ADD_COLUMN_REWRITE, "column " + name));
    }
    if (state.dialect == SqlDialect.SQLITE) {
      boolean hasDefault = definition.contains(" DEFAULT ");
      String problem =
          definition.contains(" NOT NULL") && !hasDefault
              ? "NOT NULL without a default"
              : definition.matches(".* DEFAULT (\\(|CURRENT_TIME|CURRENT_DATE).*")
                  ? "a non-constant default"
                  : definition.matches(".*\\b(UNIQUE|PRIMARY KEY)\\b.*")
                      ? "UNIQUE or PRIMARY KEY"
                      : null;
      if (problem != null) {
        hits.add(new Hit(Rule.SQLITE_ADD_COLUMN_FAILS, "column " + name + " with " + problem));
      }
    }
  }

  private static String name(Matcher m, int group) {
    return SqlText.name(m.group(group));
  }
}
