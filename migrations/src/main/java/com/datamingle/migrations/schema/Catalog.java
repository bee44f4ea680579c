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
 * The changelog is left out of structure and text. {@link SqliteCatalog} and {@link
 * PostgresCatalog} read one table each.
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
    Map<String, TableState> tables = new TreeMap<>();
    for (String table :
        strings(
            c,
            d == Dialect.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " AND upper(name) <> 'CHANGELOG'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                    + " current_schema() AND table_type = 'BASE TABLE' AND table_name <>"
                    + " 'changelog'")) {
      tables.put(
          table,
          d == Dialect.SQLITE ? SqliteCatalog.read(c, table) : PostgresCatalog.read(c, table));
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
    String sql =
        dialect == Dialect.SQLITE
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                + " current_schema() ORDER BY table_name";
    return strings(connection, sql);
  }

  /** One line per table, column, index and constraint, sorted; the changelog is left out. */
  public static List<String> describe(Connection connection, Dialect dialect) throws SQLException {
    List<String> lines = new ArrayList<>();
    if (dialect == Dialect.SQLITE) {
      for (String line :
          strings(
              connection,
              "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE"
                  + " name NOT LIKE 'sqlite_%' AND upper(tbl_name) <> 'CHANGELOG' ORDER BY type,"
                  + " name")) {
        // a table rebuilt and renamed comes back with its name quoted: quotes are not a difference
        lines.add(
            line.replace("\"", "")
                .replaceAll("\\s+", " ")
                .replaceAll("\\( ", "(")
                .replaceAll(" \\)", ")")
                .strip());
      }
      return lines;
    }
    lines.addAll(
        strings(
            connection,
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type ||"
                + " coalesce('(' || character_maximum_length || ')', '') || CASE WHEN is_nullable ="
                + " 'NO' THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || column_default,"
                + " '') FROM information_schema.columns WHERE table_schema = current_schema() AND"
                + " table_name <> 'changelog' ORDER BY table_name, column_name"));
    lines.addAll(
        strings(
            connection,
            "SELECT 'index ' || indexname || ': ' || replace(indexdef, current_schema() || '.', '')"
                + " FROM pg_indexes WHERE schemaname = current_schema() AND tablename <>"
                + " 'changelog' ORDER BY indexname"));
    lines.addAll(
        strings(
            connection,
            "SELECT 'constraint ' || c.conname || ' on ' || t.relname || ': ' ||"
                + " pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid ="
                + " c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname ="
                + " current_schema() AND t.relname <> 'changelog' ORDER BY t.relname, c.conname"));
    return lines;
  }

  public static void dropEverything(Connection connection, Dialect dialect) throws SQLException {
    try (Statement s = connection.createStatement()) {
      if (dialect == Dialect.SQLITE) {
        s.execute("PRAGMA foreign_keys = OFF");
        for (String type : new String[] {"view", "trigger", "table"}) {
          for (String name :
              strings(
                  connection,
                  "SELECT name FROM sqlite_master WHERE type = '"
                      + type
                      + "' AND name NOT LIKE 'sqlite_%'")) {
            s.execute(
                "DROP "
                    + type.toUpperCase(Locale.ROOT)
                    + " IF EXISTS \""
                    + name.replace("\"", "\"\"")
                    + "\"");
          }
        }
        s.execute("VACUUM");
      } else {
        String schema = strings(connection, "SELECT current_schema()").get(0);
        String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
        s.execute("DROP SCHEMA " + quoted + " CASCADE");
        s.execute("CREATE SCHEMA " + quoted);
      }
    }
  }

  static List<String> strings(Connection connection, String sql) throws SQLException {
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
