package com.datamingle.adapter.persistence.change;

import com.datamingle.migrations.testing.TestDatabase;

/** SQLite: the poll of {@code cache_changes}. */
class ChangesTest extends ChangesContract {
  ChangesTest() {
    super(TestDatabase.sqlite());
  }
}
