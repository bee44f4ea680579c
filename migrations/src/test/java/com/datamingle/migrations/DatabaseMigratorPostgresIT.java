package com.datamingle.migrations;

import com.datamingle.migrations.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The migrator on the real PostgreSQL, in a schema of its own per test. */
class DatabaseMigratorPostgresIT extends DatabaseMigratorContract {
  @RegisterExtension final TestDatabase db = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return db;
  }
}
