package com.datamingle.migrations.autogen;

import com.datamingle.migrations.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Autogenerate on SQLite (a PostgreSQL scratch schema is still needed for the PostgreSQL script).
 */
class AutogenSqliteIT extends AutogenContract {
  @RegisterExtension final TestDatabase db = TestDatabase.sqlite();

  @Override
  TestDatabase database() {
    return db;
  }
}
