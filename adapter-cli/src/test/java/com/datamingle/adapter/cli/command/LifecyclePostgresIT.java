package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class LifecyclePostgresIT extends LifecycleContract {
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
  Connection connect() throws SQLException {
    return database.connect();
  }

  @Override
  String dialect() {
    return "postgresql";
  }
}
