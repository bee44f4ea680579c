package com.datamingle.adapter.persistence.user;

import com.datamingle.migrations.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on SQLite: a file in a temporary folder. */
class MyBatisUserRepositoryTest extends MyBatisContractSupport {
  @RegisterExtension final TestDatabase db = TestDatabase.sqlite().migrated();

  @Override
  TestDatabase database() {
    return db;
  }
}
