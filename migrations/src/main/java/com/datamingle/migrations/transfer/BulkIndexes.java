package com.datamingle.migrations.transfer;

import com.datamingle.migrations.database.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL builds an index over a loaded table several times faster than it grows one row by row.
 * For a large table the import, inside its transaction, drops the table's indexes and its
 * primary-key and unique constraints, loads the rows, and recreates them from their own definitions
 * (same names, same SQL, as {@code pg_get_indexdef} and {@code pg_get_constraintdef} give them), so
 * the schema is again exactly what the migrations made. A table another table's foreign key points
 * at keeps its indexes. A failure rolls the drop back with everything else.
 */
final class BulkIndexes {
  /** Below this many rows the indexes stay: growing them is cheap enough. */
  static final long WORTH_IT = 1_000;

  private final List<String> recreate;

  private BulkIndexes(List<String> recreate) {
    this.recreate = recreate;
  }

  /** Drops what can be rebuilt after the load; returns what rebuilds it. */
  static BulkIndexes dropFor(Connection c, Dialect dialect, String table) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      List<String[]> indexes =
          pairs(
              c,
              "SELECT i.name, i.sql FROM sqlite_master i WHERE i.type = 'index' AND i.sql IS NOT"
                  + " NULL AND i.tbl_name = ? AND NOT EXISTS (SELECT 1 FROM sqlite_master f WHERE"
                  + " f.type = 'table' AND f.sql LIKE '%REFERENCES%' || i.tbl_name || '%') ORDER"
                  + " BY i.name",
              table);
      run(c, indexes.stream().map(i -> "DROP INDEX " + Layout.quote(i[0])).toList());
      return new BulkIndexes(indexes.stream().map(i -> i[1]).toList());
    }
    String regclass = "to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))";
    List<String> drop = new ArrayList<>();
    List<String> recreate = new ArrayList<>();
    if (!strings(
            c,
            "SELECT conname FROM pg_constraint WHERE contype = 'f' AND confrelid = " + regclass,
            table)
        .isEmpty()) {
      return new BulkIndexes(List.of());
    }
    String quoted = Layout.quote(table);
    for (String[] con :
        pairs(
            c,
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype IN ('p',"
                + " 'u') AND conrelid = "
                + regclass
                + " ORDER BY conname",
            table)) {
      drop.add("ALTER TABLE " + quoted + " DROP CONSTRAINT " + Layout.quote(con[0]));
      recreate.add(
          "ALTER TABLE " + quoted + " ADD CONSTRAINT " + Layout.quote(con[0]) + " " + con[1]);
    }
    for (String[] index :
        pairs(
            c,
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON"
                + " c.oid = i.indexrelid WHERE i.indrelid = "
                + regclass
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid ="
                + " i.indexrelid) ORDER BY c.relname",
            table)) {
      drop.add("DROP INDEX " + Layout.quote(index[0]));
      recreate.add(index[1]);
    }
    if (!recreate.isEmpty()) {
      // sort the rebuilt indexes in memory (this transaction only; PostgreSQL's default is 64 MB)
      drop.add("SET LOCAL maintenance_work_mem = '256MB'");
    }
    run(c, drop);
    return new BulkIndexes(recreate);
  }

  void recreate(Connection c) throws SQLException {
    run(c, recreate);
  }

  private static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static List<String> strings(Connection c, String sql, String table) throws SQLException {
    return pairs(c, sql, table).stream().map(p -> p[0]).toList();
  }

  private static List<String[]> pairs(Connection c, String sql, String table) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          String[] row = new String[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getString(i + 1);
          }
          out.add(row);
        }
      }
    }
    return out;
  }
}
