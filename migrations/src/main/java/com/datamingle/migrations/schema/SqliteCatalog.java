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

/** SQLite's catalog: sqlite_master and the table pragmas. */
final class SqliteCatalog extends DialectCatalog {
  static final SqliteCatalog INSTANCE = new SqliteCatalog();

  private SqliteCatalog() {
    super(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            + " ORDER BY name",
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            + " AND upper(name) <> 'CHANGELOG'");
  }

  @Override
  List<String> describe(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    for (String line :
        Catalog.strings(
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

  @Override
  void dropEverything(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA foreign_keys = OFF");
      for (String type : new String[] {"view", "trigger", "table"}) {
        for (String name :
            Catalog.strings(
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
    }
  }

  @Override
  TableState table(Connection c, String table) throws SQLException {
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
              Catalog.strings(
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
        Catalog.strings(
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
      String key = Catalog.foreignKeyKey(fk[1], fk[0], fk[2], fk[3]);
      fks.put(
          key,
          fkNames.getOrDefault(
              fk[1].replace(" ", ""), "fk_" + table + "_" + fk[1].replace(", ", "_")));
    }
    return new TableState(
        table, columns, pk, uniques, indexes, indexSql, fks, checks(createSql), createSql);
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
          Catalog.normalize("(" + sql.substring(m.end(), i - 1) + ")"));
    }
    return checks;
  }
}
