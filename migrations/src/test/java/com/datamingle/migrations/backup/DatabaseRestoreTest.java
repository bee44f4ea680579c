package com.datamingle.migrations.backup;

import com.datamingle.migrations.database.MigrationTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** Restore on a SQLite file in WAL mode, with a reader open on it. */
class DatabaseRestoreTest extends DatabaseRestoreContract {
  @TempDir Path dir;

  @Override
  MigrationTarget target() {
    return new MigrationTarget("jdbc:sqlite:" + dir.resolve("db.sqlite"), null, null);
  }

  @Override
  Connection connect() throws SQLException {
    return target().open();
  }
}
