package com.datamingle.migrations.schema;

import com.datamingle.migrations.schema.Catalog.ColumnState;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's catalog, of the current schema: information_schema and pg_catalog. */
final class PostgresCatalog extends DialectCatalog {
  static final PostgresCatalog INSTANCE = new PostgresCatalog();

  private PostgresCatalog() {
    super(
        "SELECT table_name FROM information_schema.tables WHERE table_schema ="
            + " current_schema() ORDER BY table_name",
        "SELECT table_name FROM information_schema.tables WHERE table_schema ="
            + " current_schema() AND table_type = 'BASE TABLE' AND table_name <>"
            + " 'changelog'");
  }

  @Override
  List<String> describe(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    lines.addAll(
        Catalog.strings(
            connection,
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type ||"
                + " coalesce('(' || character_maximum_length || ')', '') || CASE WHEN is_nullable ="
                + " 'NO' THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || column_default,"
                + " '') FROM information_schema.columns WHERE table_schema = current_schema() AND"
                + " table_name <> 'changelog' ORDER BY table_name, column_name"));
    lines.addAll(
        Catalog.strings(
            connection,
            "SELECT 'index ' || indexname || ': ' || replace(indexdef, current_schema() || '.', '')"
                + " FROM pg_indexes WHERE schemaname = current_schema() AND tablename <>"
                + " 'changelog' ORDER BY indexname"));
    lines.addAll(
        Catalog.strings(
            connection,
            "SELECT 'constraint ' || c.conname || ' on ' || t.relname || ': ' ||"
                + " pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid ="
                + " c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname ="
                + " current_schema() AND t.relname <> 'changelog' ORDER BY t.relname, c.conname"));
    return lines;
  }

  @Override
  void dropEverything(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      String schema = Catalog.strings(connection, "SELECT current_schema()").get(0);
      String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
      s.execute("DROP SCHEMA " + quoted + " CASCADE");
      s.execute("CREATE SCHEMA " + quoted);
    }
  }

  @Override
  TableState table(Connection c, String table) throws SQLException {
    Map<String, ColumnState> columns = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_class t ON t.oid ="
                + " a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace LEFT JOIN pg_attrdef d"
                + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE n.nspname ="
                + " current_schema() AND t.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attnum")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String def =
              rs.getString(4) == null
                  ? null
                  : rs.getString(4).replaceAll("::[a-z ]+(\\([0-9,]+\\))?(\\[\\])?", "");
          columns.put(
              rs.getString(1),
              new ColumnState(
                  rs.getString(1),
                  rs.getString(2).toUpperCase(Locale.ROOT),
                  rs.getBoolean(3),
                  def,
                  rs.getString(1)
                      + " "
                      + rs.getString(2)
                      + (rs.getBoolean(3) ? " NOT NULL" : "")
                      + (def == null ? "" : " DEFAULT " + def)));
        }
      }
    }
    List<String> pk = new ArrayList<>();
    Map<String, String> uniques = new TreeMap<>();
    Map<String, String> fks = new TreeMap<>();
    Map<String, String> checks = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT con.conname, con.contype, pg_get_constraintdef(con.oid) FROM pg_constraint con"
                + " JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid ="
                + " t.relnamespace WHERE n.nspname = current_schema() AND t.relname = ? ORDER BY"
                + " con.conname")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String def = rs.getString(3);
          switch (rs.getString(2)) {
            case "p" -> pk.addAll(List.of(inner(def).replace(" ", "").split(",")));
            case "u" -> uniques.put(inner(def).replace(" ", ""), rs.getString(1));
            case "f" -> {
              Matcher m =
                  Pattern.compile(
                          "FOREIGN KEY \\(([^)]*)\\) REFERENCES ([\\w.]+)\\(([^)]*)\\)(?: ON DELETE"
                              + " (CASCADE|SET NULL|RESTRICT|SET DEFAULT))?")
                      .matcher(def);
              if (m.find()) {
                String ref =
                    m.group(2).contains(".")
                        ? m.group(2).substring(m.group(2).indexOf('.') + 1)
                        : m.group(2);
                fks.put(
                    Catalog.foreignKeyKey(m.group(1), ref, m.group(3), m.group(4)),
                    rs.getString(1));
              }
            }
            case "c" ->
                checks.put(rs.getString(1), Catalog.normalize(def.replaceFirst("^CHECK ", "")));
            default -> {}
          }
        }
      }
    }
    Map<String, String> indexes = new TreeMap<>();
    Map<String, String> indexSql = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON"
                + " i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n"
                + " ON n.oid = t.relnamespace WHERE n.nspname = current_schema() AND t.relname = ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid ="
                + " x.indexrelid)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String def = rs.getString(2);
          String body = def.substring(def.indexOf(" USING "));
          indexes.put(
              rs.getString(1),
              (def.startsWith("CREATE UNIQUE") ? "UNIQUE " : "")
                  + body.replaceFirst(" USING btree ", "").strip());
          indexSql.put(rs.getString(1), def.replaceAll(" ON [\\w\"]+\\.", " ON ") + ";");
        }
      }
    }
    return new TableState(table, columns, pk, uniques, indexes, indexSql, fks, checks, null);
  }

  private static String inner(String def) {
    return def.substring(def.indexOf('(') + 1, def.lastIndexOf(')'));
  }
}
