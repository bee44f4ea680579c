package com.datamingle.adapter.cli.command.db;

import com.datamingle.migrations.testing.PostgresSchema;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code db lint} against the real PostgreSQL, chosen by a postgresql:// DATABASE_URL alone. */
class LintCommandPostgresIT extends LintCommandContract {
  @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

  @Override
  Map<String, String> env() {
    return Map.of(
        "DATABASE_URL",
        postgres.database().postgresUrl(),
        "DATAMINGLE_BACKUP_DIR",
        folder.resolve("backups").toString());
  }

  @Override
  String dialect() {
    return "postgresql";
  }
}
