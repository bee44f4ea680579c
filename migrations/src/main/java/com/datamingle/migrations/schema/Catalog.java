package com.datamingle.migrations.schema;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one reader of a database's own catalog (JDBC metadata loses too much on SQLite): which tables
 * exist, their structure (columns, keys, indexes, foreign keys, named checks; what autogenerate and
 * drift compare), the schema as text lines (what {@code db test} compares), and how to drop it all.
 * The changelog is left out of structure and text. What differs between the dialects is in one
 * {@link DialectCatalog} each ({@link SqliteCatalog}, {@link PostgresCatalog}), chosen once.
 */
public final class Catalog {
  private Catalog() {}

  /** True when the database holds no table at all. Only reads. */
  public static boolean isEmpty(MigrationTarget target) {
    try (Connection connection = target.openForReading()) {
      return tables(connection, target.dialect()).isEmpty();
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }

  /** The schema as text lines, without the changelog; for comparing. Only reads. */
  public static List<String> describe(MigrationTarget target) {
    try (Connection connection = target.openForReading()) {
      return describe(connection, target.dialect());
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }

  /** Drops every table, view and trigger; on PostgreSQL the current schema, made anew. */
  public static void dropEverything(MigrationTarget target) {
    try (Connection connection = target.open()) {
      dropEverything(connection, target.dialect());
    } catch (SQLException e) {
      throw new MigrationFailure(
          "cannot empty the database "
              + target.describe()
              + ": "
              + MigrationFailure.oneLine(e.getMessage()),
          e);
    }
  }

  /** A column: its type, nullability and default as the catalog spells them. */
  public record ColumnState(
      String name, String type, boolean notNull, String defaultValue, String ddl) {}

  /** A table: columns, keys, uniques, indexes, foreign keys, named checks. */
  public record TableState(
      String name,
      Map<String, ColumnState> columns,
      List<String> primaryKey,
      Map<String, String> uniques,
      Map<String, String> indexes,
      Map<String, String> indexSql,
      Map<String, String> foreignKeys,
      Map<String, String> checks,
      String createSql) {}

  public static Map<String, TableState> read(Connection c, Dialect d) throws SQLException {
    DialectCatalog catalog = DialectCatalog.of(d);
    Map<String, TableState> tables = new TreeMap<>();
    for (String table : catalog.comparedTables(c)) {
      tables.put(table, catalog.table(c, table));
    }
    return tables;
  }

  public static String foreignKeyKey(
      String columns, String refTable, String refColumns, String onDelete) {
    String action =
        onDelete == null || onDelete.isBlank() || onDelete.equalsIgnoreCase("NO ACTION")
            ? ""
            : " ON DELETE " + onDelete.toUpperCase(Locale.ROOT);
    return "("
        + columns.replace(" ", "")
        + ") REFERENCES "
        + refTable.toLowerCase(Locale.ROOT)
        + "("
        + refColumns.replace(" ", "")
        + ")"
        + action;
  }

  static String normalize(String expression) {
    return expression
        .replaceAll("\\s+", " ")
        .replaceAll("\\(\\s+", "(")
        .replaceAll("\\s+\\)", ")")
        .strip();
  }

  public static List<String> tables(Connection connection, Dialect dialect) throws SQLException {
    return DialectCatalog.of(dialect).tables(connection);
  }

  /** One line per table, column, index and constraint, sorted; the changelog is left out. */
  public static List<String> describe(Connection connection, Dialect dialect) throws SQLException {
    return DialectCatalog.of(dialect).describe(connection);
  }

  public static void dropEverything(Connection connection, Dialect dialect) throws SQLException {
    DialectCatalog.of(dialect).dropEverything(connection);
  }

  /** The first column of every row {@code sql} returns. */
  public static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
