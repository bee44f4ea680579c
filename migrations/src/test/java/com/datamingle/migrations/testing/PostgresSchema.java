package com.datamingle.migrations.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: a {@link PostgresTestDatabase} schema of its own for each test, dropped after
 * it. {@code @RegisterExtension final PostgresSchema postgres = new PostgresSchema();}
 */
public final class PostgresSchema implements BeforeEachCallback, AfterEachCallback {
  private PostgresTestDatabase database;

  @Override
  public void beforeEach(ExtensionContext context) {
    database = PostgresTestDatabase.createIsolated();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  public PostgresTestDatabase database() {
    if (database == null) {
      throw new IllegalStateException("the PostgreSQL schema exists only while a test runs");
    }
    return database;
  }
}
