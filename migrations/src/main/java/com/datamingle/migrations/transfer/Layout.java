package com.datamingle.migrations.transfer;

import com.datamingle.migrations.database.Dialect;
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
import java.util.Optional;

/** The tables of a database and their columns, read from its catalog, in column order. */
record Layout(Map<String, Table> tables) {

  /** One table; {@code name} as the catalog spells it. */
  record Table(String name, List<Column> columns) {
    Optional<Column> column(String wanted) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
    }
  }

  /** One column. {@code type} is null for a type the import cannot copy. */
  record Column(
      String name, ColumnType type, String declared, boolean notNull, boolean hasDefault) {}

  Optional<Table> table(String wanted) {
    return Optional.ofNullable(tables.get(wanted.toLowerCase(Locale.ROOT)));
  }

  static Layout read(Connection connection, Dialect dialect) throws SQLException {
    Map<String, Table> tables = new LinkedHashMap<>();
    if (dialect == Dialect.SQLITE) {
      for (String name : tableNames(connection)) {
        tables.put(name.toLowerCase(Locale.ROOT), new Table(name, sqliteColumns(connection, name)));
      }
      return new Layout(tables);
    }
    String sql =
        "SELECT table_name, column_name, data_type, is_nullable, column_default FROM"
            + " information_schema.columns WHERE table_schema = current_schema() ORDER BY"
            + " table_name, ordinal_position";
    Map<String, List<Column>> columns = new LinkedHashMap<>();
    Map<String, String> spelled = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString(1);
        String type = rs.getString(3);
        spelled.put(table.toLowerCase(Locale.ROOT), table);
        columns
            .computeIfAbsent(table.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(
                new Column(
                    rs.getString(2),
                    ColumnType.ofDeclared(type.startsWith("timestamp") ? "timestamp" : type),
                    type,
                    "NO".equals(rs.getString(4)),
                    rs.getString(5) != null));
      }
    }
    columns.forEach((key, list) -> tables.put(key, new Table(spelled.get(key), list)));
    return new Layout(tables);
  }

  private static List<String> tableNames(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static List<Column> sqliteColumns(Connection connection, String table)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
      while (rs.next()) {
        String declared = rs.getString("type");
        boolean primaryKey = rs.getInt("pk") > 0;
        columns.add(
            new Column(
                rs.getString("name"),
                ColumnType.ofDeclared(declared),
                declared,
                rs.getInt("notnull") == 1 || primaryKey && !"INTEGER".equalsIgnoreCase(declared),
                rs.getString("dflt_value") != null));
      }
    }
    return columns;
  }

  /** An identifier from the catalog, quoted so that it reads back as itself. */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
