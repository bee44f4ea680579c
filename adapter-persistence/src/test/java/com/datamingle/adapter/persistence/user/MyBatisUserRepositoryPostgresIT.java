package com.datamingle.adapter.persistence.user;

import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract on the real PostgreSQL, in a schema of its own per test. */
class MyBatisUserRepositoryPostgresIT extends MyBatisContractSupport {
  private PostgresTestDatabase database;

  @BeforeEach
  void openPostgres() {
    database = PostgresTestDatabase.createIsolated();
    open(
        new DatabaseSettings(
            Dialect.POSTGRESQL, database.jdbcUrl(), database.user(), database.password(), 20));
  }

  @AfterEach
  void dropSchema() {
    closeModule();
    module = null;
    if (database != null) {
      database.close();
    }
  }
}
