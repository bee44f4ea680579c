package com.datamingle.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PersistenceModuleTest {
  @RegisterExtension final TestDatabase db = TestDatabase.sqlite().migrated();

  @Test
  void sqliteConnectionsUseWalForeignKeysAndABusyTimeout() throws SQLException {
    try (PersistenceModule module = PersistenceModule.open(db.settings(0), Clock.systemUTC());
        Connection c = module.dataSource().getConnection();
        Statement s = c.createStatement()) {
      assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
      assertThat(Integer.parseInt(pragma(s, "busy_timeout")))
          .isEqualTo(Dialect.SQLITE_BUSY_TIMEOUT_MS);
      assertThat(module.ping()).isTrue();
      assertThat(module.poolUsage().max()).isEqualTo(4);
    }
  }

  @Test
  void statementsParsedBeforehandServeTheModuleOpenedWithThem() {
    Mappers mappers = Mappers.parse(db.settings(0));
    try (PersistenceModule module =
        PersistenceModule.open(db.settings(0), Clock.systemUTC(), mappers)) {
      assertThat(module.ping()).isTrue();
      assertThat(
              module.userRepository().findByEmail(new com.datamingle.domain.user.Email("a@b.io")))
          .isEmpty();
    }
  }

  @Test
  void statementsParsedForAnotherDatabaseAreRefusedWithoutOpeningAModule() {
    Mappers forPostgres =
        Mappers.parse(DatabaseSettings.fromUrl("postgresql://app@127.0.0.1:1/elsewhere"));

    assertThatThrownBy(() -> PersistenceModule.open(db.settings(0), Clock.systemUTC(), forPostgres))
        .isInstanceOf(DatabaseUnavailable.class)
        .hasMessageContaining("is not what its URL names")
        .hasMessageContaining("check DATABASE_URL");
  }

  @Test
  void anUnreachableDatabaseGivesOneClearMessageWithoutThePassword() {
    DatabaseSettings settings =
        DatabaseSettings.fromUrl("postgresql://app:s3cret@127.0.0.1:1/nope");

    assertThatThrownBy(() -> PersistenceModule.open(settings, Clock.systemUTC()))
        .isInstanceOf(DatabaseUnavailable.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nope")
        .hasMessageContaining("check DATABASE_URL")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aFailingUnitInAGroupCommitRollsBackAloneWhileItsNeighboursCommit() throws Exception {
    try (PersistenceModule module = PersistenceModule.open(db.settings(0), Clock.systemUTC())) {
      int threads = 24;
      var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
      var start = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      java.util.List<com.datamingle.domain.user.User> users = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        var user =
            com.datamingle.domain.user.UserFixtures.aUser()
                .withId(module.idGenerator().newUserId())
                .build();
        users.add(user);
        boolean fail = i % 3 == 0;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return module
                        .unitOfWork()
                        .inTransaction(
                            () -> {
                              module.userRepository().insertIfAbsent(user);
                              if (fail) {
                                throw new IllegalStateException("unit " + user.id() + " fails");
                              }
                              return true;
                            });
                  } catch (IllegalStateException e) {
                    assertThat(e).hasMessageContaining(user.id().toString());
                    return false;
                  }
                }));
      }
      start.countDown();
      for (int i = 0; i < threads; i++) {
        boolean committed = results.get(i).get();
        assertThat(committed).isEqualTo(i % 3 != 0);
        assertThat(module.userRepository().findById(users.get(i).id()).isPresent())
            .as("row of unit " + i)
            .isEqualTo(committed);
      }
      pool.shutdown();
    }
  }

  private static String pragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
