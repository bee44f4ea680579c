package com.datamingle.migrations.testing;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: {@link TestDatabase#postgres()} under the name the command-line tests use, a
 * {@link PostgresTestDatabase} schema of its own for each test, dropped after it.
 * {@code @RegisterExtension final PostgresSchema postgres = new PostgresSchema();}
 */
public final class PostgresSchema implements BeforeEachCallback, AfterEachCallback {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    database.beforeEach(context);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    database.afterEach(context);
  }

  public PostgresTestDatabase database() {
    return database.postgresDatabase();
  }
}
