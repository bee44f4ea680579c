package com.datamingle.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class UserReadsTest extends UserReadsContract {
  UserReadsTest() {
    super(TestDatabase.sqlite());
  }

  @Test
  void sqliteConnectionsHaveThePoolsWalForeignKeysAndBusyTimeout() throws SQLException {
    DriverConnections connections = new DriverConnections(db.settings(0));
    try (Connection c = connections.getConnection();
        Statement s = c.createStatement()) {
      assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
      assertThat(Integer.parseInt(pragma(s, "busy_timeout")))
          .isEqualTo(Dialect.SQLITE_BUSY_TIMEOUT_MS);
    }
  }

  private static String pragma(Statement s, String name) throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
      r.next();
      return r.getString(1);
    }
  }
}
