package com.datamingle.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules over one statement other than ALTER TABLE (see {@link AlterTableChecks}). */
final class StatementChecks {
  private static final String ID = SqlText.ID;
  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "^CREATE (?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY|UNLOGGED) )?TABLE (?:IF NOT EXISTS )?"
              + ID
              + " ?\\((.*)\\)");
  private static final Pattern CREATE_INDEX =
      Pattern.compile(
          "^CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?(?:"
              + ID
              + " )?ON (?:ONLY )?"
              + ID);
  private static final Pattern DROP_TABLE = Pattern.compile("^DROP TABLE (?:IF EXISTS )?(.*)");
  private static final Pattern DML =
      Pattern.compile("^(?:INSERT INTO|UPDATE(?: ONLY)?|DELETE FROM(?: ONLY)?) " + ID);
  private static final Pattern ALTER_TABLE =
      Pattern.compile("^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?" + ID + " (.*)$");

  private StatementChecks() {}

  static List<Hit> check(String s, int index, ScriptState state) {
    List<Hit> hits = new ArrayList<>();
    Matcher m;
    if ((m = CREATE_TABLE.matcher(s)).find()) {
      String table = SqlText.name(m.group(1));
      var columns = state.schema.columns(table);
      columns.clear();
      SqlText.columns(m.group(2), columns);
      columns.forEach(
          (c, type) -> {
            if (SqlText.isJson(type)) {
              hits.add(new Hit(Rule.PREFER_JSONB, "column " + table + "." + c + " is json"));
            }
          });
    } else if ((m = CREATE_INDEX.matcher(s)).find()) {
      String table = SqlText.name(m.group(3));
      if (m.group(1) != null) {
        concurrently(hits, state, "CREATE INDEX CONCURRENTLY");
      } else if (!state.isNew(table)) {
        hits.add(new Hit(Rule.REQUIRE_CONCURRENT_INDEX, "index on existing table " + table));
      }
    } else if (s.startsWith("DROP INDEX ")) {
      if (s.startsWith("DROP INDEX CONCURRENTLY ")) {
        concurrently(hits, state, "DROP INDEX CONCURRENTLY");
      } else {
        hits.add(new Hit(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, ""));
      }
    } else if (s.startsWith("REINDEX")) {
      if (s.contains(" CONCURRENTLY ")) {
        concurrently(hits, state, "REINDEX CONCURRENTLY");
      } else {
        hits.add(new Hit(Rule.REQUIRE_CONCURRENT_REINDEX, ""));
      }
    } else if ((m = DROP_TABLE.matcher(s)).find()) {
      dropTables(m.group(1), index, state, hits);
    } else if ((m = ALTER_TABLE.matcher(s)).find()) {
      String table = SqlText.name(m.group(1));
      if (state.rebuildParts.contains(index)) {
        state.schema.renameTable(table, state.rebuilds.getOrDefault(index, renamedTo(m.group(2))));
        state.newTables.add(renamedTo(m.group(2)));
      } else {
        AlterTableChecks.check(table, m.group(2), state, hits);
      }
    } else if ((m = DML.matcher(s)).find()) {
      String table = SqlText.name(m.group(1));
      if (state.transactional && state.changesExistingTable && !state.isNew(table)) {
        hits.add(
            new Hit(Rule.BACKFILL_WITH_DDL, "writes rows of " + table + " in a schema migration"));
      }
    } else if (s.startsWith("VACUUM") || s.startsWith("CLUSTER")) {
      boolean rewrites =
          state.dialect == SqlDialect.SQLITE || s.startsWith("CLUSTER") || s.contains("FULL");
      if (rewrites) {
        hits.add(new Hit(Rule.BAN_VACUUM_FULL, ""));
      }
    } else if (s.startsWith("TRUNCATE")) {
      hits.add(new Hit(Rule.BAN_TRUNCATE, s.contains("CASCADE") ? "with CASCADE" : ""));
    } else if (s.matches("^ALTER TYPE " + ID + " ADD VALUE\\b.*")) {
      hits.add(new Hit(Rule.BAN_ADD_ENUM_VALUE, ""));
    }
    return hits;
  }

  private static void dropTables(String list, int index, ScriptState state, List<Hit> hits) {
    String rebuilt = state.rebuilds.get(index);
    for (String raw : SqlText.topLevel(list.replaceAll(" (CASCADE|RESTRICT)$", ""))) {
      String table = SqlText.name(raw);
      if (rebuilt != null) {
        hits.add(new Hit(Rule.TABLE_REBUILD, "rebuilds table " + table));
      } else if (!state.isNew(table)) {
        hits.add(new Hit(Rule.DROP_TABLE, "drops table " + table));
      }
      if (rebuilt == null) {
        state.schema.dropTable(table);
      }
    }
  }

  private static String renamedTo(String action) {
    return SqlText.name(action.replaceFirst("^RENAME TO ", "").strip());
  }

  private static void concurrently(List<Hit> hits, ScriptState state, String what) {
    if (state.transactional) {
      hits.add(
          new Hit(
              Rule.CONCURRENTLY_IN_TRANSACTION,
              what + " in a script without -- " + StatementSplitter.NO_TRANSACTION));
    }
  }
}
