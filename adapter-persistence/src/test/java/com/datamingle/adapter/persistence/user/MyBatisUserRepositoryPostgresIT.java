package com.datamingle.adapter.persistence.user;

import com.datamingle.migrations.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the real PostgreSQL, in a schema of its own per test. */
class MyBatisUserRepositoryPostgresIT extends MyBatisContractSupport {
  @RegisterExtension final TestDatabase db = TestDatabase.postgres().migrated();

  @Override
  TestDatabase database() {
    return db;
  }

  @Override
  int poolSize() {
    return 20;
  }
}
