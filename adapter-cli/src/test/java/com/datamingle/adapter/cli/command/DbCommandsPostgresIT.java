package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.testing.PostgresSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The db commands against the real PostgreSQL, chosen by a postgresql:// DATABASE_URL alone. */
class DbCommandsPostgresIT extends DbCommandsContract {
  @RegisterExtension final PostgresSchema postgres = new PostgresSchema();
  @TempDir Path backups;

  @Override
  Map<String, String> env() {
    // backups of a PostgreSQL go to a folder; by default the working directory, here a temporary
    // one
    return Map.of(
        "DATABASE_URL",
        postgres.database().postgresUrl(),
        "DATAMINGLE_BACKUP_DIR",
        backups.toString());
  }

  @Override
  boolean usersTableExists() throws Exception {
    try (Connection c = postgres.database().connect();
        ResultSet rs =
            c.getMetaData().getTables(null, postgres.database().schema(), "users", null)) {
      return rs.next();
    }
  }
}
