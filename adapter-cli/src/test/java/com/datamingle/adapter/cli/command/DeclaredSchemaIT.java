package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.PostgresSchema;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** db migrate, check and drift through the command line, with the project's own declared schema. */
class DeclaredSchemaIT {
  @TempDir Path dir;
  @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

  @Test
  void theDeclaredSchemaMatchesTheMigrationsOnBothDatabases() {
    CliRun sqlite =
        CliRun.run(
            Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite")), "db", "check");
    CliRun pg =
        CliRun.run(Map.of("DATABASE_URL", postgres.database().postgresUrl()), "db", "check");

    assertThat(sqlite.exitCode()).as(sqlite.out() + sqlite.err()).isZero();
    assertThat(sqlite.out()).contains("No new upgrade operations detected.");
    assertThat(pg.exitCode()).as(pg.out() + pg.err()).isZero();
  }

  @Test
  void migrateWritesBothScriptsFromAnEditedDeclaration() throws Exception {
    Path scripts = dir.resolve("scripts");
    for (String d : List.of("sqlite", "postgresql")) {
      Path folder = Files.createDirectories(scripts.resolve(d));
      for (String name :
          List.of(
              "20261124000001_create_changelog.sql",
              "20261124000002_create_users.sql",
              "20261124213504_workos_sync.sql",
              "20261201051000_revocations_and_cache_changes.sql")) {
        try (InputStream in =
            getClass()
                .getResourceAsStream("/com/datamingle/migrations/scripts/" + d + "/" + name)) {
          Files.copy(in, folder.resolve(name));
        }
      }
    }
    Path schema = dir.resolve("schema.dmschema");
    try (InputStream in =
        getClass().getResourceAsStream("/com/datamingle/adapter/persistence/schema.dmschema")) {
      Files.copy(in, schema);
    }
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "DATABASE_URL",
                "jdbc:sqlite:" + dir.resolve("db.sqlite"),
                "DATAMINGLE_MIGRATIONS",
                scripts.toString(),
                "DATAMINGLE_SCHEMA",
                schema.toString(),
                "DATAMINGLE_DEV_POSTGRES_URL",
                postgres.database().postgresUrl()));
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    assertThat(CliRun.run(env, "db", "migrate", "-m", "nothing").out())
        .contains("No changes in schema detected.");

    Files.writeString(
        schema,
        Files.readString(schema)
            .replace(
                "  last_session_id      varchar(128)\n",
                "  last_session_id      varchar(128)\n  nickname             varchar(40)\n"));
    CliRun check = CliRun.run(env, "db", "check");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("add column users.nickname");

    CliRun migrate = CliRun.run(env, "db", "migrate", "-m", "add nickname");
    assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    assertThat(migrate.out()).contains("wrote").contains("_add_nickname.sql");
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    assertThat(CliRun.run(env, "db", "check").exitCode()).isZero();
    assertThat(CliRun.run(env, "db", "migrate", "-m", "x", "--rename", "bad").exitCode())
        .isEqualTo(2);
  }
}
