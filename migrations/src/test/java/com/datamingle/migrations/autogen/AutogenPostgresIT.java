package com.datamingle.migrations.autogen;

import com.datamingle.migrations.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Autogenerate on PostgreSQL, live database in a schema of its own. */
class AutogenPostgresIT extends AutogenContract {
  @RegisterExtension final TestDatabase db = TestDatabase.postgres();

  @Override
  TestDatabase database() {
    return db;
  }
}
