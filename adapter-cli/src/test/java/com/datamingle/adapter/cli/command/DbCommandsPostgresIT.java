package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The db commands against the real PostgreSQL, chosen by a postgresql:// DATABASE_URL alone. */
class DbCommandsPostgresIT extends DbCommandsContract {
  @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

  @Override
  Map<String, String> env() {
    return Map.of("DATABASE_URL", postgres.database().postgresUrl());
  }

  @Override
  boolean usersTableExists() throws Exception {
    try (Connection c = postgres.database().connect(); ResultSet rs = c.getMetaData().getTables(null, postgres.database().schema(), "users", null)) {
      return rs.next();
    }
  }
}
