package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the current schema with the target one (both read the same way from databases of the
 * same dialect) and plans the operations, each with its up and undo SQL. Renames are never guessed:
 * a hint turns a drop and an add into a rename. On SQLite, what ALTER TABLE cannot express becomes
 * a table rebuild.
 */
final class SchemaDiff {
  private SchemaDiff() {}

  /**
   * One planned change: what it is, whether it can lose data, a review warning, and its SQL both
   * ways: {@code up} and {@code undo} run in the migration's transaction; {@code later} and {@code
   * laterUndo} (PostgreSQL only) in the script after it, outside a transaction, each statement in
   * its own (CONCURRENTLY, batched backfills, VALIDATE after NOT VALID).
   */
  record Operation(
      String description,
      boolean dataLoss,
      String warning,
      List<String> up,
      List<String> undo,
      List<String> later,
      List<String> laterUndo) {
    Operation(
        String description, boolean dataLoss, String warning, List<String> up, List<String> undo) {
      this(description, dataLoss, warning, up, undo, List.of(), List.of());
    }

    boolean outsideTransaction() {
      return !later.isEmpty() || !laterUndo.isEmpty();
    }
  }

  static List<Operation> plan(
      DeclaredSchema declared,
      Map<String, TableState> target,
      Map<String, TableState> current,
      Dialect dialect,
      Map<String, String> renames) {
    List<Operation> ops = new ArrayList<>();
    for (DeclaredSchema.Table ordered : Ddl.inDependencyOrder(declared)) {
      var entry = Map.entry(ordered.name(), target.get(ordered.name()));
      if (entry.getValue() != null && !current.containsKey(entry.getKey())) {
        DeclaredSchema.Table t = declared.table(entry.getKey());
        List<String> up = new ArrayList<>();
        up.add(Ddl.createTable(t, t.name(), dialect));
        t.indexes().forEach(i -> up.add(Ddl.createIndex(t, i, dialect)));
        ops.add(
            new Operation(
                "add table " + t.name(), false, null, up, List.of("DROP TABLE " + t.name() + ";")));
      }
    }
    for (var entry : current.entrySet()) {
      if (!target.containsKey(entry.getKey())) {
        TableState t = entry.getValue();
        ops.add(
            new Operation(
                "drop table " + t.name(),
                true,
                null,
                List.of("DROP TABLE " + t.name() + ";"),
                recreate(t, dialect)));
      }
    }
    for (var entry : target.entrySet()) {
      TableState now = current.get(entry.getKey());
      if (now != null) {
        ops.addAll(alter(declared.table(entry.getKey()), entry.getValue(), now, dialect, renames));
      }
    }
    return ops;
  }

  private static List<Operation> alter(
      DeclaredSchema.Table declared,
      TableState want,
      TableState now,
      Dialect d,
      Map<String, String> renames) {
    TableDelta delta = TableDelta.of(want, now, renames);
    if (delta.nothing()) {
      return List.of();
    }
    if (d == Dialect.SQLITE && SqliteRebuild.needed(declared, now, delta)) {
      return List.of(SqliteRebuild.of(declared, want, now, delta));
    }
    return AlterStatements.of(declared, want, now, d, delta);
  }

  private static List<String> recreate(TableState t, Dialect d) {
    List<String> out = new ArrayList<>();
    if (d == Dialect.SQLITE) {
      out.add(t.createSql() + ";");
    } else {
      List<String> parts = new ArrayList<>();
      t.columns().values().forEach(c -> parts.add("    " + c.ddl()));
      if (!t.primaryKey().isEmpty()) {
        parts.add("    PRIMARY KEY (" + String.join(", ", t.primaryKey()) + ")");
      }
      t.uniques()
          .forEach(
              (cols, name) ->
                  parts.add(
                      "    CONSTRAINT " + name + " UNIQUE (" + cols.replace(",", ", ") + ")"));
      t.foreignKeys()
          .forEach((key, name) -> parts.add("    CONSTRAINT " + name + " FOREIGN KEY " + key));
      t.checks().forEach((name, expr) -> parts.add("    CONSTRAINT " + name + " CHECK " + expr));
      out.add("CREATE TABLE " + t.name() + " (\n" + String.join(",\n", parts) + "\n);");
    }
    out.addAll(t.indexSql().values());
    return out;
  }
}
