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
    var renamed = delta.renamed();
    var added = delta.added();
    var dropped = delta.dropped();
    var changed = delta.changed();
    var uniquesAdded = delta.uniquesAdded();
    var uniquesDropped = delta.uniquesDropped();
    var fksAdded = delta.fksAdded();
    var fksDropped = delta.fksDropped();
    var checksChanged = delta.checksChanged();
    var indexesChanged = delta.indexesChanged();
    var warning = delta.warning();
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
      ops.addAll(ColumnChange.statements(declared, want.columns().get(c), now.columns().get(c)));
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
}
