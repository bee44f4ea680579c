package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The db commands against the real PostgreSQL, chosen by a postgresql:// DATABASE_URL alone. */
class DbCommandsPostgresIT extends DbCommandsContract {
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
  Map<String, String> env() {
    return Map.of("DATABASE_URL", database.postgresUrl());
  }

  @Override
  boolean usersTableExists() throws Exception {
    try (Connection c = database.connect(); ResultSet rs = c.getMetaData().getTables(null, database.schema(), "users", null)) {
      return rs.next();
    }
  }
}
