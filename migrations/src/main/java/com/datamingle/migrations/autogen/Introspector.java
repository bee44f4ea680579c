package com.datamingle.migrations.autogen;

import com.datamingle.migrations.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a live schema through the database's own catalog (JDBC metadata loses too much on SQLite):
 * tables, columns with type, nullability and default, primary keys, unique constraints, indexes,
 * foreign keys and named checks. The changelog is left out.
 */
final class Introspector {
  private Introspector() {}

  record ColumnState(String name, String type, boolean notNull, String defaultValue, String ddl) {}

  record TableState(
      String name,
      Map<String, ColumnState> columns,
      List<String> primaryKey,
      Map<String, String> uniques,
      Map<String, String> indexes,
      Map<String, String> indexSql,
      Map<String, String> foreignKeys,
      Map<String, String> checks,
      String createSql) {}

  static Map<String, TableState> read(Connection c, Dialect d) throws SQLException {
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
      tables.put(table, d == Dialect.SQLITE ? sqlite(c, table) : postgres(c, table));
    }
    return tables;
  }

  private static TableState sqlite(Connection c, String table) throws SQLException {
    Map<String, ColumnState> columns = new LinkedHashMap<>();
    List<String> pk = new ArrayList<>();
    TreeMap<Integer, String> pkOrder = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          String type = rs.getString(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
          boolean notNull = rs.getInt(3) == 1 || rs.getInt(5) > 0 && type.equals("INTEGER");
          String def = rs.getString(4);
          columns.put(
              name,
              new ColumnState(
                  name,
                  type,
                  notNull,
                  def,
                  name
                      + " "
                      + rs.getString(2)
                      + (notNull ? " NOT NULL" : "")
                      + (def == null ? "" : " DEFAULT " + def)));
          if (rs.getInt(5) > 0) {
            pkOrder.put(rs.getInt(5), name);
          }
        }
      }
    }
    pk.addAll(pkOrder.values());
    Map<String, String> uniques = new TreeMap<>();
    Map<String, String> indexes = new TreeMap<>();
    Map<String, String> indexSql = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.name, l.\"unique\", l.origin, m.sql FROM pragma_index_list(?) l"
                + " LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          List<String> cols =
              strings(
                  c,
                  "SELECT name FROM pragma_index_info('"
                      + name.replace("'", "''")
                      + "') ORDER BY seqno");
          if ("u".equals(rs.getString(3))) {
            uniques.put(String.join(",", cols), "");
          } else if ("c".equals(rs.getString(3))) {
            indexes.put(
                name, (rs.getInt(2) == 1 ? "UNIQUE " : "") + "(" + String.join(", ", cols) + ")");
            indexSql.put(name, rs.getString(4) + ";");
          }
        }
      }
    }
    String createSql =
        strings(
                c,
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '"
                    + table.replace("'", "''")
                    + "'")
            .get(0);
    Map<String, String> names = constraintNames(createSql, "UNIQUE");
    for (String key : new ArrayList<>(uniques.keySet())) {
      uniques.put(key, names.getOrDefault(key, "uq_" + table + "_" + key.replace(",", "_")));
    }
    Map<String, String> fks = new TreeMap<>();
    Map<Integer, String[]> byId = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?)"
                + " ORDER BY id, seq")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] fk = byId.computeIfAbsent(rs.getInt(1), k -> new String[] {"", "", "", ""});
          fk[0] = rs.getString(2);
          fk[1] += (fk[1].isEmpty() ? "" : ", ") + rs.getString(3);
          fk[2] += (fk[2].isEmpty() ? "" : ", ") + rs.getString(4);
          fk[3] = rs.getString(5);
        }
      }
    }
    Map<String, String> fkNames = constraintNames(createSql, "FOREIGN KEY");
    for (String[] fk : byId.values()) {
      String key = foreignKeyKey(fk[1], fk[0], fk[2], fk[3]);
      fks.put(
          key,
          fkNames.getOrDefault(
              fk[1].replace(" ", ""), "fk_" + table + "_" + fk[1].replace(", ", "_")));
    }
    return new TableState(
        table, columns, pk, uniques, indexes, indexSql, fks, checks(createSql), createSql);
  }

  static String foreignKeyKey(String columns, String refTable, String refColumns, String onDelete) {
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

  /** Constraint names of a kind in a CREATE TABLE text, keyed by their column list. */
  private static Map<String, String> constraintNames(String sql, String kind) {
    Map<String, String> names = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile(
                "(?i)CONSTRAINT\\s+\"?(\\w+)\"?\\s+"
                    + kind.replace(" ", "\\s+")
                    + "\\s*\\(([^)]*)\\)")
            .matcher(sql);
    while (m.find()) {
      names.put(m.group(2).replaceAll("[\\s\"]", ""), m.group(1).toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /**
   * Named CHECK constraints of a CREATE TABLE text: name → expression with balanced parentheses.
   */
  private static Map<String, String> checks(String sql) {
    Map<String, String> checks = new TreeMap<>();
    Matcher m = Pattern.compile("(?i)CONSTRAINT\\s+\"?(\\w+)\"?\\s+CHECK\\s*\\(").matcher(sql);
    while (m.find()) {
      int depth = 1;
      int i = m.end();
      while (i < sql.length() && depth > 0) {
        char ch = sql.charAt(i++);
        depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      }
      checks.put(
          m.group(1).toLowerCase(Locale.ROOT),
          normalize("(" + sql.substring(m.end(), i - 1) + ")"));
    }
    return checks;
  }

  private static TableState postgres(Connection c, String table) throws SQLException {
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
                fks.put(foreignKeyKey(m.group(1), ref, m.group(3), m.group(4)), rs.getString(1));
              }
            }
            case "c" -> checks.put(rs.getString(1), normalize(def.replaceFirst("^CHECK ", "")));
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

  static String normalize(String expression) {
    return expression
        .replaceAll("\\s+", " ")
        .replaceAll("\\(\\s+", "(")
        .replaceAll("\\s+\\)", ")")
        .strip();
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
