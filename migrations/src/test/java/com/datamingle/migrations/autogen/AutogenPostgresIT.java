package com.datamingle.migrations.autogen;

import com.datamingle.migrations.testing.TestDatabase;

/** Autogenerate on PostgreSQL, live database in a schema of its own. */
class AutogenPostgresIT extends AutogenContract {
  AutogenPostgresIT() {
    super(TestDatabase.postgres());
  }
}
