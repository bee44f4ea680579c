package com.datamingle.migrations;

import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The migrator on the real PostgreSQL, in a schema of its own per test. */
class DatabaseMigratorPostgresIT extends DatabaseMigratorContract {
  @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

  @Override
  MigrationTarget target() {
    return new MigrationTarget(
        postgres.database().jdbcUrl(), postgres.database().user(), postgres.database().password());
  }

  @Override
  Connection connect() throws SQLException {
    return postgres.database().connect();
  }

  @Override
  String schema() {
    return postgres.database().schema();
  }
}
