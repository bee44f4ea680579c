package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autogenerate on SQLite (a PostgreSQL scratch schema is still needed for the PostgreSQL script).
 */
class AutogenSqliteIT extends AutogenContract {
  @TempDir Path dir;

  @Override
  MigrationTarget live() {
    return new MigrationTarget("jdbc:sqlite:" + dir.resolve("live.sqlite"), null, null);
  }

  @Override
  Dialect dialect() {
    return Dialect.SQLITE;
  }
}
