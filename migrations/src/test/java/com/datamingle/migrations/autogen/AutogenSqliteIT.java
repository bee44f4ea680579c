package com.datamingle.migrations.autogen;

import com.datamingle.migrations.testing.TestDatabase;

/**
 * Autogenerate on SQLite (a PostgreSQL scratch schema is still needed for the PostgreSQL script).
 */
class AutogenSqliteIT extends AutogenContract {
  AutogenSqliteIT() {
    super(TestDatabase.sqlite());
  }
}
