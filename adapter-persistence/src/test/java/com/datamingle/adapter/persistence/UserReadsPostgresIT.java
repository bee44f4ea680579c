package com.datamingle.adapter.persistence;

import com.datamingle.migrations.testing.TestDatabase;

/** The contract on the real PostgreSQL, in a schema of its own per test. */
class UserReadsPostgresIT extends UserReadsContract {
  UserReadsPostgresIT() {
    super(TestDatabase.postgres());
  }
}
