package com.datamingle.migrations;

import com.datamingle.migrations.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The migrator on a SQLite file in a temporary folder. */
class DatabaseMigratorTest extends DatabaseMigratorContract {
  @RegisterExtension final TestDatabase db = TestDatabase.sqlite();

  @Override
  TestDatabase database() {
    return db;
  }
}
