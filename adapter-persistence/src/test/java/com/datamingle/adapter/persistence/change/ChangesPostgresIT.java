package com.datamingle.adapter.persistence.change;

import com.datamingle.migrations.testing.TestDatabase;

/** PostgreSQL: LISTEN/NOTIFY on a channel of the test's schema. */
class ChangesPostgresIT extends ChangesContract {
  ChangesPostgresIT() {
    super(TestDatabase.postgres());
  }
}
