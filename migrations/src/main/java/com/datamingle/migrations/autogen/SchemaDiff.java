package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.schema.Catalog;
import com.datamingle.migrations.schema.Catalog.ColumnState;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
   * ways.
   */
  record Operation(
      String description, boolean dataLoss, String warning, List<String> up, List<String> undo) {}

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
    String t = want.name();
    Map<String, String> renamed = new LinkedHashMap<>(); // old → new
    renames.forEach(
        (from, to) -> {
          if (from.startsWith(t + ".")) {
            String old = from.substring(t.length() + 1);
            if (now.columns().containsKey(old)
                && !want.columns().containsKey(old)
                && want.columns().containsKey(to)
                && !now.columns().containsKey(to)) {
              renamed.put(old, to);
            }
          }
        });
    List<String> added = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (String c : want.columns().keySet()) {
      if (!now.columns().containsKey(c) && !renamed.containsValue(c)) {
        added.add(c);
      } else if (now.columns().containsKey(c)
          && !sameColumn(want.columns().get(c), now.columns().get(c))) {
        changed.add(c);
      }
    }
    for (String c : now.columns().keySet()) {
      if (!want.columns().containsKey(c) && !renamed.containsKey(c)) {
        dropped.add(c);
      }
    }
    Set<String> uniquesAdded = minus(want.uniques().keySet(), now.uniques().keySet());
    Set<String> uniquesDropped = minus(now.uniques().keySet(), want.uniques().keySet());
    Set<String> fksAdded = minus(want.foreignKeys().keySet(), now.foreignKeys().keySet());
    Set<String> fksDropped = minus(now.foreignKeys().keySet(), want.foreignKeys().keySet());
    Set<String> checksChanged = new TreeSet<>();
    for (String name : union(want.checks().keySet(), now.checks().keySet())) {
      if (!Objects.equals(want.checks().get(name), now.checks().get(name))) {
        checksChanged.add(name);
      }
    }
    Set<String> indexesChanged = new TreeSet<>();
    for (String name : union(want.indexes().keySet(), now.indexes().keySet())) {
      if (!Objects.equals(want.indexes().get(name), now.indexes().get(name))) {
        indexesChanged.add(name);
      }
    }
    if (!want.primaryKey().equals(now.primaryKey())) {
      throw new MigrationFailure(
          "the primary key of "
              + t
              + " changes from "
              + now.primaryKey()
              + " to "
              + want.primaryKey()
              + "; write that migration by hand with `datamingle db new`");
    }
    String warning = null;
    if (dropped.size() == 1 && added.size() == 1 && renamed.isEmpty()) {
      warning =
          "WARNING: possible rename of "
              + t
              + "."
              + dropped.get(0)
              + " to "
              + added.get(0)
              + ": this script DROPS the column and ADDS a new one, losing its data. If it is a"
              + " rename, generate again with --rename "
              + t
              + "."
              + dropped.get(0)
              + "="
              + added.get(0);
    }
    boolean nothing =
        added.isEmpty()
            && dropped.isEmpty()
            && changed.isEmpty()
            && renamed.isEmpty()
            && uniquesAdded.isEmpty()
            && uniquesDropped.isEmpty()
            && fksAdded.isEmpty()
            && fksDropped.isEmpty()
            && checksChanged.isEmpty()
            && indexesChanged.isEmpty();
    if (nothing) {
      return List.of();
    }
    if (d == Dialect.SQLITE
        && needsRebuild(
            declared,
            now,
            added,
            dropped,
            changed,
            uniquesAdded,
            uniquesDropped,
            fksAdded,
            fksDropped,
            checksChanged)) {
      return List.of(rebuild(declared, want, now, renamed, added, dropped, changed, warning));
    }
    List<Operation> ops = new ArrayList<>();
    renamed.forEach(
        (old, neu) ->
            ops.add(
                new Operation(
                    "rename column " + t + "." + old + " to " + neu,
                    false,
                    null,
                    List.of("ALTER TABLE " + t + " RENAME COLUMN " + old + " TO " + neu + ";"),
                    List.of("ALTER TABLE " + t + " RENAME COLUMN " + neu + " TO " + old + ";"))));
    for (String name : indexesChanged) {
      if (now.indexes().containsKey(name)) {
        ops.add(
            new Operation(
                "drop index " + name,
                false,
                null,
                List.of("DROP INDEX " + name + ";"),
                List.of(now.indexSql().get(name))));
      }
    }
    for (String key : uniquesDropped) {
      String name = now.uniques().get(key);
      ops.add(
          new Operation(
              "drop unique " + name + " on " + t + " (" + key + ")",
              false,
              null,
              List.of("ALTER TABLE " + t + " DROP CONSTRAINT " + name + ";"),
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ADD CONSTRAINT "
                      + name
                      + " UNIQUE ("
                      + key.replace(",", ", ")
                      + ");")));
    }
    for (String key : fksDropped) {
      String name = now.foreignKeys().get(key);
      ops.add(
          new Operation(
              "drop foreign key " + name + " on " + t,
              false,
              null,
              List.of("ALTER TABLE " + t + " DROP CONSTRAINT " + name + ";"),
              List.of(
                  "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " FOREIGN KEY " + key + ";")));
    }
    for (String name : checksChanged) {
      if (now.checks().containsKey(name)) {
        ops.add(
            new Operation(
                "drop check " + name + " on " + t,
                false,
                null,
                List.of("ALTER TABLE " + t + " DROP CONSTRAINT " + name + ";"),
                List.of(
                    "ALTER TABLE "
                        + t
                        + " ADD CONSTRAINT "
                        + name
                        + " CHECK "
                        + now.checks().get(name)
                        + ";")));
      }
    }
    for (String c : dropped) {
      ops.add(
          new Operation(
              "drop column " + t + "." + c,
              true,
              warning,
              List.of("ALTER TABLE " + t + " DROP COLUMN " + c + ";"),
              List.of("ALTER TABLE " + t + " ADD COLUMN " + now.columns().get(c).ddl() + ";")));
    }
    for (String c : added) {
      ops.add(
          new Operation(
              "add column " + t + "." + c,
              false,
              warning,
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ADD COLUMN "
                      + Ddl.column(declared, declared.column(c), d)
                      + ";"),
              List.of("ALTER TABLE " + t + " DROP COLUMN " + c + ";")));
    }
    for (String c : changed) {
      ops.addAll(alterColumn(declared, want.columns().get(c), now.columns().get(c)));
    }
    for (String key : uniquesAdded) {
      String name =
          declared.uniques().stream()
              .filter(u -> String.join(",", u.columns()).equals(key))
              .findFirst()
              .map(DeclaredSchema.Unique::name)
              .orElse("uq_" + t + "_" + key.replace(",", "_"));
      ops.add(
          new Operation(
              "add unique " + name + " on " + t + " (" + key + ")",
              false,
              null,
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ADD CONSTRAINT "
                      + name
                      + " UNIQUE ("
                      + key.replace(",", ", ")
                      + ");"),
              List.of("ALTER TABLE " + t + " DROP CONSTRAINT " + name + ";")));
    }
    for (String key : fksAdded) {
      DeclaredSchema.ForeignKey fk =
          declared.foreignKeys().stream()
              .filter(
                  f ->
                      Catalog.foreignKeyKey(
                              String.join(",", f.columns()),
                              f.refTable(),
                              String.join(",", f.refColumns()),
                              f.onDelete())
                          .equals(key))
              .findFirst()
              .orElseThrow();
      ops.add(
          new Operation(
              "add foreign key " + fk.name() + " on " + t,
              false,
              null,
              List.of("ALTER TABLE " + t + " ADD CONSTRAINT " + Ddl.foreignKey(fk) + ";"),
              List.of("ALTER TABLE " + t + " DROP CONSTRAINT " + fk.name() + ";")));
    }
    for (String name : checksChanged) {
      declared.checks().stream()
          .filter(c -> c.name().equals(name))
          .findFirst()
          .ifPresent(
              c ->
                  ops.add(
                      new Operation(
                          "add check " + name + " on " + t,
                          false,
                          null,
                          List.of(
                              "ALTER TABLE "
                                  + t
                                  + " ADD CONSTRAINT "
                                  + name
                                  + " CHECK "
                                  + c.expression()
                                  + ";"),
                          List.of("ALTER TABLE " + t + " DROP CONSTRAINT " + name + ";"))));
    }
    for (String name : indexesChanged) {
      declared.indexes().stream()
          .filter(i -> i.name().equals(name))
          .findFirst()
          .ifPresent(
              i ->
                  ops.add(
                      new Operation(
                          "add index " + name + " on " + t,
                          false,
                          null,
                          List.of(Ddl.createIndex(declared, i, d)),
                          List.of("DROP INDEX " + name + ";"))));
    }
    return ops;
  }

  /** PostgreSQL: type, nullability and default, each its own statement. */
  private static List<Operation> alterColumn(
      DeclaredSchema.Table declared, ColumnState want, ColumnState now) {
    String t = declared.name();
    String c = want.name();
    List<Operation> ops = new ArrayList<>();
    if (!want.type().equals(now.type())) {
      ops.add(
          new Operation(
              "change type of " + t + "." + c + " from " + now.type() + " to " + want.type(),
              narrows(now.type(), want.type()),
              null,
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + " TYPE "
                      + want.type()
                      + " USING "
                      + c
                      + "::"
                      + want.type()
                      + ";"),
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + " TYPE "
                      + now.type()
                      + " USING "
                      + c
                      + "::"
                      + now.type()
                      + ";")));
    }
    if (want.notNull() != now.notNull()) {
      ops.add(
          new Operation(
              (want.notNull() ? "set not null on " : "drop not null on ") + t + "." + c,
              false,
              null,
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + (want.notNull() ? " SET" : " DROP")
                      + " NOT NULL;"),
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + (now.notNull() ? " SET" : " DROP")
                      + " NOT NULL;")));
    }
    if (!Objects.equals(want.defaultValue(), now.defaultValue())) {
      ops.add(
          new Operation(
              "change default of " + t + "." + c,
              false,
              null,
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + (want.defaultValue() == null
                          ? " DROP DEFAULT;"
                          : " SET DEFAULT " + want.defaultValue() + ";")),
              List.of(
                  "ALTER TABLE "
                      + t
                      + " ALTER COLUMN "
                      + c
                      + (now.defaultValue() == null
                          ? " DROP DEFAULT;"
                          : " SET DEFAULT " + now.defaultValue() + ";"))));
    }
    return ops;
  }

  private static boolean needsRebuild(
      DeclaredSchema.Table declared,
      TableState now,
      List<String> added,
      List<String> dropped,
      List<String> changed,
      Set<String> uniquesAdded,
      Set<String> uniquesDropped,
      Set<String> fksAdded,
      Set<String> fksDropped,
      Set<String> checksChanged) {
    if (!changed.isEmpty()
        || !uniquesAdded.isEmpty()
        || !uniquesDropped.isEmpty()
        || !fksAdded.isEmpty()
        || !fksDropped.isEmpty()
        || !checksChanged.isEmpty()) {
      return true;
    }
    for (String c : added) {
      DeclaredSchema.Column col = declared.column(c);
      boolean constantDefault =
          col.defaultValue() != null && !col.defaultValue().equals("current_timestamp");
      if (col.notNull() && !constantDefault || col.defaultValue() != null && !constantDefault) {
        return true;
      }
    }
    for (String c : dropped) {
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
  private static Operation rebuild(
      DeclaredSchema.Table declared,
      TableState want,
      TableState now,
      Map<String, String> renamed,
      List<String> added,
      List<String> dropped,
      List<String> changed,
      String warning) {
    String t = declared.name();
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
    List<String> up = new ArrayList<>();
    up.add(Ddl.createTable(declared, t + "__dm_new", Dialect.SQLITE));
    up.add(
        "INSERT INTO "
            + t
            + "__dm_new ("
            + String.join(", ", targetCols)
            + ") SELECT "
            + String.join(", ", sourceCols)
            + " FROM "
            + t
            + ";");
    up.add("DROP TABLE " + t + ";");
    up.add("ALTER TABLE " + t + "__dm_new RENAME TO " + t + ";");
    declared.indexes().forEach(i -> up.add(Ddl.createIndex(declared, i, Dialect.SQLITE)));
    up.addAll(foreignKeyCheck());
    List<String> undo = new ArrayList<>();
    undo.add(
        now.createSql()
                .replaceFirst(
                    "(?i)^CREATE TABLE\\s+(\"?)" + t + "\\1", "CREATE TABLE " + t + "__dm_old")
            + ";");
    undo.add(
        "INSERT INTO "
            + t
            + "__dm_old ("
            + String.join(", ", sourceCols)
            + ") SELECT "
            + String.join(", ", targetCols)
            + " FROM "
            + t
            + ";");
    undo.add("DROP TABLE " + t + ";");
    undo.add("ALTER TABLE " + t + "__dm_old RENAME TO " + t + ";");
    undo.addAll(now.indexSql().values());
    undo.addAll(foreignKeyCheck());
    List<String> what = new ArrayList<>();
    added.forEach(c -> what.add("add column " + c));
    dropped.forEach(c -> what.add("drop column " + c));
    changed.forEach(c -> what.add("change column " + c));
    renamed.forEach((o, n) -> what.add("rename column " + o + " to " + n));
    if (what.isEmpty()) {
      what.add("constraints");
    }
    boolean loss =
        !dropped.isEmpty()
            || changed.stream()
                .anyMatch(c -> narrows(now.columns().get(c).type(), want.columns().get(c).type()));
    return new Operation(
        "rebuild table " + t + " (" + String.join(", ", what) + ")", loss, warning, up, undo);
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

  private static boolean sameColumn(ColumnState a, ColumnState b) {
    return a.type().equals(b.type())
        && a.notNull() == b.notNull()
        && Objects.equals(a.defaultValue(), b.defaultValue());
  }

  /** A type change that may not keep every value: anything but widening. */
  static boolean narrows(String from, String to) {
    String f = from.toUpperCase(Locale.ROOT);
    String t = to.toUpperCase(Locale.ROOT);
    if (t.equals("TEXT")) {
      return false;
    }
    var varchar =
        java.util.regex.Pattern.compile("CHARACTER VARYING\\((\\d+)\\)|VARCHAR\\((\\d+)\\)");
    var mf = varchar.matcher(f);
    var mt = varchar.matcher(t);
    if (mf.matches() && mt.matches()) {
      int a = Integer.parseInt(mf.group(1) != null ? mf.group(1) : mf.group(2));
      int b = Integer.parseInt(mt.group(1) != null ? mt.group(1) : mt.group(2));
      return b < a;
    }
    return !(f.equals("INTEGER") && t.equals("BIGINT"));
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }
}
