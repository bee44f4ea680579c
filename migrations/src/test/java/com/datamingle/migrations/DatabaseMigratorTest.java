package com.datamingle.migrations;

import com.datamingle.migrations.testing.TestDatabase;

/** The migrator on a SQLite file in a temporary folder. */
class DatabaseMigratorTest extends DatabaseMigratorContract {
  DatabaseMigratorTest() {
    super(TestDatabase.sqlite());
  }
}
