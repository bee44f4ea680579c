package com.datamingle.adapter.cli.command;

import com.datamingle.migrations.testing.PostgresSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LifecyclePostgresIT extends LifecycleContract {
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
  Connection connect() throws SQLException {
    return postgres.database().connect();
  }

  @Override
  String dialect() {
    return "postgresql";
  }

  @org.junit.jupiter.api.Test
  void aBackupWithoutAFileGoesToTheBackupFolder() throws Exception {
    run("db", "upgrade");

    var backup = run("db", "backup");

    org.assertj.core.api.Assertions.assertThat(backup.out())
        .as(backup.err())
        .contains("Backup written to " + backups.toAbsolutePath().resolve("datamingle-backup-"));
    try (var files = java.nio.file.Files.list(backups)) {
      org.assertj.core.api.Assertions.assertThat(files.count()).isEqualTo(1);
    }
  }
}
