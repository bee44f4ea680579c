package com.datamingle.migrations.autogen;

import com.datamingle.migrations.autogen.SchemaDiff.Operation;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.schema.Catalog;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.util.ArrayList;
import java.util.List;

/**
 * The ALTER statements (up and undo) that take one table from the current schema to the target in
 * place: renames, drops, adds and changes of columns, uniques, foreign keys, checks and indexes.
 */
final class AlterStatements {
  private AlterStatements() {}

  static List<Operation> of(
      DeclaredSchema.Table declared, TableState want, TableState now, Dialect d, TableDelta delta) {
    String t = want.name();
    List<Operation> ops = new ArrayList<>();
    delta
        .renamed()
        .forEach(
            (old, neu) ->
                ops.add(
                    step(
                        "rename column " + t + "." + old + " to " + neu,
                        false,
                        null,
                        alter(t, "RENAME COLUMN " + old + " TO " + neu),
                        alter(t, "RENAME COLUMN " + neu + " TO " + old))));
    boolean pg = d == Dialect.POSTGRESQL;
    for (String name : delta.indexesChanged()) {
      if (now.indexes().containsKey(name)) {
        String recreate = now.indexSql().get(name);
        ops.add(
            pg
                ? PostgresOnline.dropIndex("drop index " + name, name, recreate)
                : step("drop index " + name, false, null, dropIndex(name), recreate));
      }
    }
    for (String key : delta.uniquesDropped()) {
      String name = now.uniques().get(key);
      ops.add(
          constraint(
              "drop unique " + name + " on " + t + " (" + key + ")", t, name, unique(key), false));
    }
    for (String key : delta.fksDropped()) {
      String name = now.foreignKeys().get(key);
      ops.add(
          constraint(
              "drop foreign key " + name + " on " + t, t, name, "FOREIGN KEY " + key, false));
    }
    for (String name : delta.checksChanged()) {
      if (now.checks().containsKey(name)) {
        ops.add(
            constraint(
                "drop check " + name + " on " + t,
                t,
                name,
                "CHECK " + now.checks().get(name),
                false));
      }
    }
    for (String c : delta.dropped()) {
      ops.add(
          step(
              "drop column " + t + "." + c,
              true,
              delta.warning(),
              alter(t, "DROP COLUMN " + c),
              alter(t, "ADD COLUMN " + now.columns().get(c).ddl())));
    }
    for (String c : delta.added()) {
      ops.add(
          step(
              "add column " + t + "." + c,
              false,
              delta.warning(),
              alter(t, "ADD COLUMN " + Ddl.column(declared, declared.column(c), d)),
              alter(t, "DROP COLUMN " + c)));
    }
    for (String c : delta.changed()) {
      ops.addAll(ColumnChange.statements(declared, want.columns().get(c), now.columns().get(c)));
    }
    for (String key : delta.uniquesAdded()) {
      String name =
          declared.uniques().stream()
              .filter(u -> String.join(",", u.columns()).equals(key))
              .findFirst()
              .map(DeclaredSchema.Unique::name)
              .orElse("uq_" + t + "_" + key.replace(",", "_"));
      String description = "add unique " + name + " on " + t + " (" + key + ")";
      ops.add(
          pg
              ? PostgresOnline.addUnique(description, t, name, key.replace(",", ", "))
              : constraint(description, t, name, unique(key), true));
    }
    for (String key : delta.fksAdded()) {
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
      String description = "add foreign key " + fk.name() + " on " + t;
      String definition = Ddl.foreignKey(fk).substring(fk.name().length() + 1);
      ops.add(
          pg
              ? PostgresOnline.addConstraint(description, t, fk.name(), definition)
              : constraint(description, t, fk.name(), definition, true));
    }
    for (String name : delta.checksChanged()) {
      declared.checks().stream()
          .filter(c -> c.name().equals(name))
          .findFirst()
          .ifPresent(
              c ->
                  ops.add(
                      pg
                          ? PostgresOnline.addConstraint(
                              "add check " + name + " on " + t, t, name, "CHECK " + c.expression())
                          : constraint(
                              "add check " + name + " on " + t,
                              t,
                              name,
                              "CHECK " + c.expression(),
                              true)));
    }
    for (String name : delta.indexesChanged()) {
      declared.indexes().stream()
          .filter(i -> i.name().equals(name))
          .findFirst()
          .ifPresent(
              i ->
                  ops.add(
                      pg
                          ? PostgresOnline.createIndex(
                              "add index " + name + " on " + t,
                              Ddl.createIndex(declared, i, d),
                              name)
                          : step(
                              "add index " + name + " on " + t,
                              false,
                              null,
                              Ddl.createIndex(declared, i, d),
                              dropIndex(name))));
    }
    return ops;
  }

  /** {@code ALTER TABLE t clause;} */
  static String alter(String table, String clause) {
    return "ALTER TABLE " + table + " " + clause + ";";
  }

  private static String dropIndex(String name) {
    return "DROP INDEX " + name + ";";
  }

  private static String unique(String key) {
    return "UNIQUE (" + key.replace(",", ", ") + ")";
  }

  /** One statement up, one back. */
  static Operation step(
      String description, boolean dataLoss, String warning, String up, String undo) {
    return new Operation(description, dataLoss, warning, List.of(up), List.of(undo));
  }

  /** Adds (or drops) the constraint {@code name}; the undo drops (or adds) it again. */
  private static Operation constraint(
      String description, String table, String name, String definition, boolean adding) {
    String add = alter(table, "ADD CONSTRAINT " + name + " " + definition);
    String drop = alter(table, "DROP CONSTRAINT " + name);
    return step(description, false, null, adding ? add : drop, adding ? drop : add);
  }
}
