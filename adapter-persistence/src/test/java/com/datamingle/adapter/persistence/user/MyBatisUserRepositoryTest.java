package com.datamingle.adapter.persistence.user;

import com.datamingle.migrations.testing.TestDatabase;

/** The contract on SQLite: a file in a temporary folder. */
class MyBatisUserRepositoryTest extends MyBatisContractSupport {
  MyBatisUserRepositoryTest() {
    super(TestDatabase.sqlite(), 0);
  }
}
