package com.datamingle.migrations.backup;

import com.datamingle.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** Restore on a SQLite file in WAL mode, with a reader open on it. */
class DatabaseRestoreTest extends DatabaseRestoreContract {
  DatabaseRestoreTest() {
    super(TestDatabase.sqlite());
  }

  /** The migrations' own connection: WAL mode and the busy timeout, as the server's would have. */
  @Override
  protected Connection connect() throws SQLException {
    return target().open();
  }
}
