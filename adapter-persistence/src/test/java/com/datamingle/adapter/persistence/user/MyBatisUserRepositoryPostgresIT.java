package com.datamingle.adapter.persistence.user;

import com.datamingle.migrations.testing.TestDatabase;

/** The contract on the real PostgreSQL, in a schema of its own per test. */
class MyBatisUserRepositoryPostgresIT extends MyBatisContractSupport {
  MyBatisUserRepositoryPostgresIT() {
    super(TestDatabase.postgres(), 20);
  }
}
