package com.datamingle.migrations.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a query returns, one string a row (its columns joined by "|"), for comparing in tests. */
public final class QueryRows {
  private QueryRows() {}

  /** Opens a connection to the database under test. */
  public interface Connector {
    Connection connect() throws SQLException;
  }

  /** The query's rows on a connection of its own, closed before returning. */
  public static List<String> of(Connector database, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          cells.add(rs.getString(i));
        }
        rows.add(String.join("|", cells));
      }
    }
    return rows;
  }
}
