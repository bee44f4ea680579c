package com.datamingle.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationTarget;
import com.datamingle.migrations.ScriptSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceModuleTest {
  @TempDir Path dir;

  @Test
  void sqliteConnectionsUseWalForeignKeysAndABusyTimeout() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("db.sqlite");
    DatabaseMigrator.create(new MigrationTarget(url, null, null), ScriptSource.packaged()).upgrade(null, null);
    try (PersistenceModule module = PersistenceModule.open(DatabaseSettings.fromUrl(url), Clock.systemUTC());
         Connection c = module.dataSource().getConnection();
         Statement s = c.createStatement()) {
      assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
      assertThat(Integer.parseInt(pragma(s, "busy_timeout"))).isEqualTo(PersistenceModule.SQLITE_BUSY_TIMEOUT_MS);
      assertThat(module.ping()).isTrue();
      assertThat(module.poolUsage().max()).isEqualTo(4);
    }
  }

  @Test
  void anUnreachableDatabaseGivesOneClearMessageWithoutThePassword() {
    DatabaseSettings settings = DatabaseSettings.fromUrl("postgresql://app:s3cret@127.0.0.1:1/nope");

    assertThatThrownBy(() -> PersistenceModule.open(settings, Clock.systemUTC()))
        .isInstanceOf(DatabaseUnavailable.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nope")
        .hasMessageContaining("check DATABASE_URL")
        .hasMessageNotContaining("s3cret");
  }

  private static String pragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
