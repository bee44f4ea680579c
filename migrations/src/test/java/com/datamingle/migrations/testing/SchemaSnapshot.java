package com.datamingle.migrations.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Tables, their columns and their indexes as JDBC metadata reports them, for comparing schemas in
 * tests.
 */
public final class SchemaSnapshot {
  private SchemaSnapshot() {}

  /** table name → sorted column names (lower case), for the given schema (null for SQLite). */
  public static TreeMap<String, List<String>> columns(Connection connection, String schema)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    TreeMap<String, List<String>> tables = new TreeMap<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.put(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), new ArrayList<>());
      }
    }
    for (var entry : tables.entrySet()) {
      try (ResultSet rs = meta.getColumns(null, schema, tableName(meta, entry.getKey()), "%")) {
        while (rs.next()) {
          entry.getValue().add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      entry.getValue().sort(String::compareTo);
    }
    return tables;
  }

  private static String tableName(DatabaseMetaData meta, String lower) throws SQLException {
    return meta.storesUpperCaseIdentifiers() ? lower.toUpperCase(Locale.ROOT) : lower;
  }
}
