package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsersSyncPostgresIT extends UsersSyncContract {
  @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

  @Override
  Map<String, String> databaseEnv() {
    return Map.of("DATABASE_URL", postgres.database().postgresUrl());
  }

  @Override
  Connection connect() throws SQLException {
    return postgres.database().connect();
  }
}
