package com.datamingle.migrations.autogen;

import com.datamingle.migrations.Dialect;
import com.datamingle.migrations.MigrationTarget;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Autogenerate on PostgreSQL, live database in a schema of its own. */
class AutogenPostgresIT extends AutogenContract {
  private PostgresTestDatabase database;

  @BeforeEach
  void liveSchema() {
    database = PostgresTestDatabase.createIsolated();
  }

  @AfterEach
  void dropLive() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  MigrationTarget live() {
    return new MigrationTarget(database.jdbcUrl(), database.user(), database.password());
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
