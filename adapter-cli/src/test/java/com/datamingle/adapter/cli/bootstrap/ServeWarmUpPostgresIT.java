package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.testing.TestDatabase;

/** The warm-up on the real PostgreSQL, in a schema of its own. */
class ServeWarmUpPostgresIT extends ServeWarmUpContract {
  ServeWarmUpPostgresIT() {
    super(TestDatabase.postgres());
  }
}
