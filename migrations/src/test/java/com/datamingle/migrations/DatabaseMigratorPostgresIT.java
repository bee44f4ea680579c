package com.datamingle.migrations;

import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The migrator on the real PostgreSQL, in a schema of its own per test. */
class DatabaseMigratorPostgresIT extends DatabaseMigratorContract {
  private PostgresTestDatabase database;

  @BeforeEach
  void newSchema() {
    database = PostgresTestDatabase.createIsolated();
  }

  @AfterEach
  void dropSchema() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  MigrationTarget target() {
    return new MigrationTarget(database.jdbcUrl(), database.user(), database.password());
  }

  @Override
  Connection connect() throws SQLException {
    return database.connect();
  }

  @Override
  String schema() {
    return database.schema();
  }
}
