package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.schema.Catalog.ColumnState;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The two SQLite scratch schemas (declared and replayed) spelled as PostgreSQL, so that the
 * difference found on SQLite alone renders as a PostgreSQL script: declared columns take their
 * PostgreSQL type and default from the declaration; a current column that SQLite sees unchanged
 * takes the same, so only what SQLite sees as different differs. What SQLite cannot tell apart
 * (varchar lengths, uuid or text, timestamp with or without time zone) is not compared; the
 * PostgreSQL comparison, when a server is reachable, is.
 */
final class SqliteAsPostgres {
  private SqliteAsPostgres() {}

  /** The declared (target) side. */
  static Map<String, TableState> target(
      DeclaredSchema declared, Map<String, TableState> sqliteTarget) {
    Map<String, TableState> out = new TreeMap<>();
    sqliteTarget.forEach(
        (name, t) -> {
          DeclaredSchema.Table table = declared.table(name);
          Map<String, ColumnState> columns = new LinkedHashMap<>();
          t.columns()
              .forEach(
                  (c, state) -> {
                    DeclaredSchema.Column col = table.column(c);
                    columns.put(
                        c,
                        new ColumnState(
                            c,
                            Ddl.type(col.type(), Dialect.POSTGRESQL),
                            state.notNull(),
                            Ddl.defaultValue(col.defaultValue(), Dialect.POSTGRESQL),
                            Ddl.column(table, col, Dialect.POSTGRESQL)));
                  });
          out.put(name, with(t, columns));
        });
    return out;
  }

  /** The current (replayed) side, spelled like {@link #target} wherever SQLite sees no change. */
  static Map<String, TableState> current(
      Map<String, TableState> sqliteCurrent,
      Map<String, TableState> sqliteTarget,
      Map<String, TableState> pgTarget) {
    Map<String, TableState> out = new TreeMap<>();
    sqliteCurrent.forEach(
        (name, t) -> {
          TableState sqliteWant = sqliteTarget.get(name);
          TableState pgWant = pgTarget.get(name);
          Map<String, ColumnState> columns = new LinkedHashMap<>();
          t.columns()
              .forEach(
                  (c, now) -> {
                    ColumnState raw = sqliteWant == null ? null : sqliteWant.columns().get(c);
                    ColumnState spelled = pgWant == null ? null : pgWant.columns().get(c);
                    String type =
                        raw != null && raw.type().equals(now.type())
                            ? spelled.type()
                            : type(now.type());
                    String def =
                        raw != null && Objects.equals(raw.defaultValue(), now.defaultValue())
                            ? spelled.defaultValue()
                            : defaultValue(now.defaultValue(), type);
                    columns.put(
                        c,
                        new ColumnState(
                            c,
                            type,
                            now.notNull(),
                            def,
                            c
                                + " "
                                + type
                                + (now.notNull() ? " NOT NULL" : "")
                                + (def == null ? "" : " DEFAULT " + def)));
                  });
          out.put(name, with(t, columns));
        });
    return out;
  }

  private static TableState with(TableState t, Map<String, ColumnState> columns) {
    return new TableState(
        t.name(),
        columns,
        t.primaryKey(),
        t.uniques(),
        t.indexes(),
        t.indexSql(),
        t.foreignKeys(),
        t.checks(),
        t.createSql());
  }

  private static String type(String sqlite) {
    return switch (sqlite) {
      case "TIMESTAMP", "DATETIME" -> "TIMESTAMPTZ";
      case "REAL", "DOUBLE" -> "DOUBLE PRECISION";
      default -> sqlite;
    };
  }

  private static String defaultValue(String sqlite, String type) {
    if (sqlite == null || !type.equals("BOOLEAN")) {
      return sqlite;
    }
    return switch (sqlite) {
      case "1" -> "TRUE";
      case "0" -> "FALSE";
      default -> sqlite;
    };
  }
}
