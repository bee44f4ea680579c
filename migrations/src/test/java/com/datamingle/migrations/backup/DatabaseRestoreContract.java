package com.datamingle.migrations.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.testing.DatabaseContract;
import com.datamingle.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore while another connection keeps reading, as a running server does; on each database. */
abstract class DatabaseRestoreContract extends DatabaseContract {
  @TempDir Path files;

  DatabaseRestoreContract(TestDatabase db) {
    super(db);
  }

  void insertUsers(int from, int n) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO users (id, workos_user_id, email, is_active, is_admin, timezone,"
                    + " language, created_at, updated_at) VALUES (?, ?, ?, TRUE, FALSE, 'UTC',"
                    + " 'en', ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = from; i < from + n; i++) {
        String id = new java.util.UUID(7, i).toString();
        if (target().dialect() == Dialect.POSTGRESQL) {
          ps.setObject(1, java.util.UUID.fromString(id));
        } else {
          ps.setString(1, id);
        }
        ps.setString(2, "user_01R" + i);
        ps.setString(3, "r" + i + "@example.com");
        ps.setTimestamp(4, new java.sql.Timestamp(0));
        ps.setTimestamp(5, new java.sql.Timestamp(0));
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }

  static int count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aReaderSeesTheOldRowsThenTheRestoredOnesAndNothingInBetween() throws Exception {
    packaged().upgrade(null, null);
    insertUsers(0, 20_000);
    Path backup = new DatabaseBackup(target()).backup(files.resolve("backup"));
    insertUsers(20_000, 5_000);
    ConcurrentLinkedQueue<Object> seen = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              try (Connection c = connect();
                  Statement s = c.createStatement()) {
                while (!done.get()) {
                  try {
                    seen.add(count(s));
                  } catch (SQLException e) {
                    seen.add(e.getMessage());
                  }
                }
                seen.add(count(s));
              } catch (SQLException e) {
                seen.add(e.getMessage());
              }
            });
    reader.start();
    Thread.sleep(100);

    DatabaseRestore restore = new DatabaseRestore(target());
    try (DatabaseRestore.Verified verified = restore.verify(backup)) {
      restore.apply(verified);
    } finally {
      done.set(true);
      reader.join(30_000);
    }

    List<Object> results = List.copyOf(seen);
    assertThat(results)
        .contains(25_000, 20_000)
        .allSatisfy(r -> assertThat(r).isIn(25_000, 20_000));
    assertThat(results.get(results.size() - 1)).isEqualTo(20_000);
    assertThat(results.indexOf(20_000))
        .as("once restored, never the old rows again")
        .isGreaterThanOrEqualTo(results.lastIndexOf(25_000));
  }
}
