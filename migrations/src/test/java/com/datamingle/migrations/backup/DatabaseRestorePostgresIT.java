package com.datamingle.migrations.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Restore on the real PostgreSQL: the swap's transaction, with other sessions at work. */
class DatabaseRestorePostgresIT extends DatabaseRestoreContract {
  DatabaseRestorePostgresIT() {
    super(TestDatabase.postgres());
  }

  @Test
  void aSessionThatHoldsTheTablesMakesTheRestoreGiveUpUnchangedAfterTheLockTimeout()
      throws Exception {
    packaged().upgrade(null, null);
    insertUsers(0, 10);
    Path backup = new DatabaseBackup(target()).backup(files.resolve("backup"));
    insertUsers(10, 5);
    try (Connection holder = connect();
        Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      assertThat(count(s)).isEqualTo(15); // an open transaction that has read users: a long request

      DatabaseRestore restore =
          new DatabaseRestore(target()).withLockTimeout(Duration.ofMillis(500));
      try (DatabaseRestore.Verified verified = restore.verify(backup)) {
        assertThatThrownBy(() -> restore.apply(verified))
            .isInstanceOf(MigrationFailure.class)
            .hasMessageContaining("rolled back")
            .hasMessageContaining("lock timeout")
            .hasMessageContaining("try again");
      }

      assertThat(count(s)).as("the holder's transaction goes on").isEqualTo(15);
      holder.commit();
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertThat(count(s)).isEqualTo(15);
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'dm_restore_%'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void theRestoredSchemaKeepsTheOwnerAndGrantsOfTheOneItReplaced() throws Exception {
    packaged().upgrade(null, null);
    Path backup = new DatabaseBackup(target()).backup(files.resolve("backup"));
    String schema = db.postgresDatabase().schema();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("GRANT USAGE ON SCHEMA " + schema + " TO PUBLIC");
    }

    DatabaseRestore restore = new DatabaseRestore(target());
    try (DatabaseRestore.Verified verified = restore.verify(backup)) {
      restore.apply(verified);
    }

    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT has_schema_privilege('public', '" + schema + "', 'USAGE')")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
    }
  }
}
