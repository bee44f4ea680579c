package com.datamingle.migrations.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One script as the rules see it: its dialect, whether it runs in a transaction, the tables it
 * creates, the table rebuilds it does, and whether it changes the schema of an existing table.
 */
final class ScriptState {
  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "^CREATE (?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY|UNLOGGED) )?TABLE (?:IF NOT EXISTS )?"
              + SqlText.ID);
  private static final Pattern DROP_TABLE =
      Pattern.compile("^DROP TABLE (?:IF EXISTS )?" + SqlText.ID);
  private static final Pattern RENAME_TABLE =
      Pattern.compile("^ALTER TABLE (?:IF EXISTS )?" + SqlText.ID + " RENAME TO " + SqlText.ID);
  private static final Pattern DDL =
      Pattern.compile(
          "^(?:ALTER TABLE (?:IF EXISTS )?(?:ONLY )?"
              + SqlText.ID
              + "|DROP TABLE (?:IF EXISTS )?"
              + SqlText.ID
              + "|CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?(?:"
              + SqlText.ID
              + " )?ON (?:ONLY )?"
              + SqlText.ID
              + ")");

  final SqlDialect dialect;
  final boolean transactional;
  final SchemaMemory schema;
  final Set<String> newTables = new HashSet<>();

  /** Statement index of a rebuild's DROP TABLE to the table rebuilt; its RENAME is in parts. */
  final Map<Integer, String> rebuilds = new HashMap<>();

  final Set<Integer> rebuildParts = new HashSet<>();
  boolean changesExistingTable;

  ScriptState(SqlDialect dialect, boolean transactional, SchemaMemory schema) {
    this.dialect = dialect;
    this.transactional = transactional;
    this.schema = schema;
  }

  /** Reads the whole script once before the rules run on each statement. */
  void survey(List<String> statements) {
    Map<String, Integer> dropped = new HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      String s = statements.get(i);
      Matcher create = CREATE_TABLE.matcher(s);
      if (create.find()) {
        newTables.add(SqlText.name(create.group(1)));
      }
      Matcher drop = DROP_TABLE.matcher(s);
      if (drop.find()) {
        dropped.put(SqlText.name(drop.group(1)), i);
      }
      Matcher rename = RENAME_TABLE.matcher(s);
      if (rename.find()) {
        String from = SqlText.name(rename.group(1));
        String to = SqlText.name(rename.group(2));
        Integer dropAt = dropped.get(to);
        if (newTables.contains(from) && dropAt != null) {
          rebuilds.put(dropAt, to);
          rebuildParts.add(dropAt);
          rebuildParts.add(i);
        }
      }
    }
    for (String s : statements) {
      Matcher ddl = DDL.matcher(s);
      if (ddl.find()) {
        String table = ddl.group(1) != null ? ddl.group(1) : ddl.group(2);
        table = table != null ? table : ddl.group(4);
        if (!isNew(SqlText.name(table))) {
          changesExistingTable = true;
        }
      }
    }
  }

  boolean isNew(String table) {
    return newTables.contains(table);
  }
}
