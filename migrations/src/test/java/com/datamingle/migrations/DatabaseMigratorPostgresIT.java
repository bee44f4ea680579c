package com.datamingle.migrations;

import com.datamingle.migrations.testing.TestDatabase;

/** The migrator on the real PostgreSQL, in a schema of its own per test. */
class DatabaseMigratorPostgresIT extends DatabaseMigratorContract {
  DatabaseMigratorPostgresIT() {
    super(TestDatabase.postgres());
  }
}
