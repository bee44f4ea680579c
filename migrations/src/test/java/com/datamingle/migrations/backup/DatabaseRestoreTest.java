package com.datamingle.migrations.backup;

import com.datamingle.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restore on a SQLite file in WAL mode, with a reader open on it. */
class DatabaseRestoreTest extends DatabaseRestoreContract {
  @RegisterExtension final TestDatabase db = TestDatabase.sqlite();

  @Override
  TestDatabase database() {
    return db;
  }

  /** The migrations' own connection: WAL mode and the busy timeout, as the server's would have. */
  @Override
  Connection connect() throws SQLException {
    return target().open();
  }
}
