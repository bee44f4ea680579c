package com.datamingle.migrations.autogen;

import com.datamingle.migrations.autogen.SchemaDiff.Operation;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQLite's way to make what ALTER TABLE cannot: create the new table, copy the rows, swap, recreate
 * the indexes and check the foreign keys; and the same back.
 */
final class SqliteRebuild {
  private SqliteRebuild() {}

  /** True when SQLite's ALTER TABLE cannot make {@code delta} in place. */
  static boolean needed(DeclaredSchema.Table declared, TableState now, TableDelta delta) {
    if (!delta.changed().isEmpty()
        || !delta.uniquesAdded().isEmpty()
        || !delta.uniquesDropped().isEmpty()
        || !delta.fksAdded().isEmpty()
        || !delta.fksDropped().isEmpty()
        || !delta.checksChanged().isEmpty()) {
      return true;
    }
    for (String c : delta.added()) {
      DeclaredSchema.Column col = declared.column(c);
      boolean constantDefault =
          col.defaultValue() != null && !col.defaultValue().equals("current_timestamp");
      if (col.notNull() && !constantDefault || col.defaultValue() != null && !constantDefault) {
        return true;
      }
    }
    for (String c : delta.dropped()) {
      boolean used =
          now.primaryKey().contains(c)
              || now.indexes().values().stream().anyMatch(def -> def.contains(c))
              || now.uniques().keySet().stream().anyMatch(k -> List.of(k.split(",")).contains(c))
              || now.foreignKeys().keySet().stream().anyMatch(k -> k.contains(c));
      if (used) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLite: create the new table, copy the rows, swap, recreate indexes, check foreign keys; and
   * the same back.
   */
  static Operation of(
      DeclaredSchema.Table declared, TableState want, TableState now, TableDelta delta) {
    String t = declared.name();
    Map<String, String> renamed = delta.renamed();
    List<String> dropped = delta.dropped();
    List<String> changed = delta.changed();
    List<String> targetCols = new ArrayList<>();
    List<String> sourceCols = new ArrayList<>();
    for (String c : want.columns().keySet()) {
      String source =
          renamed.entrySet().stream()
              .filter(e -> e.getValue().equals(c))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(c);
      if (now.columns().containsKey(source)) {
        targetCols.add(c);
        sourceCols.add(source);
      }
    }
    List<String> filled = new ArrayList<>(sourceCols);
    for (int i = 0; i < targetCols.size(); i++) {
      var wanted = want.columns().get(targetCols.get(i));
      if (wanted.notNull()
          && wanted.defaultValue() != null
          && !now.columns().get(sourceCols.get(i)).notNull()) {
        // a column becoming NOT NULL: rows holding NULL get the default as they are copied
        filled.set(i, "COALESCE(" + sourceCols.get(i) + ", " + wanted.defaultValue() + ")");
      }
    }
    List<String> up = new ArrayList<>();
    up.add(Ddl.createTable(declared, t + "__dm_new", Dialect.SQLITE));
    up.addAll(copyAndSwap(t, t + "__dm_new", targetCols, filled));
    declared.indexes().forEach(i -> up.add(Ddl.createIndex(declared, i, Dialect.SQLITE)));
    up.addAll(foreignKeyCheck());
    List<String> undo = new ArrayList<>();
    undo.add(
        now.createSql()
                .replaceFirst(
                    "(?i)^CREATE TABLE\\s+(\"?)" + t + "\\1", "CREATE TABLE " + t + "__dm_old")
            + ";");
    undo.addAll(copyAndSwap(t, t + "__dm_old", sourceCols, targetCols));
    undo.addAll(now.indexSql().values());
    undo.addAll(foreignKeyCheck());
    List<String> what = new ArrayList<>();
    delta.added().forEach(c -> what.add("add column " + c));
    dropped.forEach(c -> what.add("drop column " + c));
    changed.forEach(c -> what.add("change column " + c));
    renamed.forEach((o, n) -> what.add("rename column " + o + " to " + n));
    if (what.isEmpty()) {
      what.add("constraints");
    }
    boolean loss =
        !dropped.isEmpty()
            || changed.stream()
                .anyMatch(
                    c ->
                        ColumnChange.narrows(
                            now.columns().get(c).type(), want.columns().get(c).type()));
    return new Operation(
        "rebuild table " + t + " (" + String.join(", ", what) + ")",
        loss,
        delta.warning(),
        up,
        undo);
  }

  /**
   * Fails the script's transaction when the rebuild broke a foreign key (PRAGMA foreign_key_check
   * only reports).
   */
  private static List<String> foreignKeyCheck() {
    return List.of(
        "CREATE TEMP TABLE dm_fk_check (violations INTEGER CHECK (violations = 0));",
        "INSERT INTO dm_fk_check SELECT count(*) FROM pragma_foreign_key_check;",
        "DROP TABLE dm_fk_check;");
  }

  /** Copies the rows of {@code table} into {@code copy}, drops the table and renames the copy. */
  private static List<String> copyAndSwap(
      String table, String copy, List<String> into, List<String> from) {
    return List.of(
        "INSERT INTO "
            + copy
            + " ("
            + String.join(", ", into)
            + ") SELECT "
            + String.join(", ", from)
            + " FROM "
            + table
            + ";",
        "DROP TABLE " + table + ";",
        "ALTER TABLE " + copy + " RENAME TO " + table + ";");
  }
}
