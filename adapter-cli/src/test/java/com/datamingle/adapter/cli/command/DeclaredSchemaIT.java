package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.PostgresSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
    Map<String, String> env = project(postgres.database().postgresUrl());
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    assertThat(CliRun.run(env, "db", "migrate", "-m", "nothing").out())
        .contains("No changes in schema detected.");

    addNickname();
    CliRun check = CliRun.run(env, "db", "check");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("add column users.nickname");

    CliRun migrate = CliRun.run(env, "db", "migrate", "-m", "add nickname");
    assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    assertThat(migrate.out()).contains("wrote").contains("_add_nickname.sql");
    assertThat(migrate.err()).doesNotContain("derived from the SQLite comparison");
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    assertThat(CliRun.run(env, "db", "check").exitCode()).isZero();
    assertThat(CliRun.run(env, "db", "migrate", "-m", "x", "--rename", "bad").exitCode())
        .isEqualTo(2);
  }

  @Test
  void migrateWorksOnSqliteAloneWhenNoPostgresAnswers() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Map<String, String> env = project("postgresql://postgres@127.0.0.1:" + closed + "/test");
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    addNickname();

    CliRun migrate = CliRun.run(env, "db", "migrate", "-m", "add nickname");

    assertThat(migrate.exitCode()).as(migrate.out() + migrate.err()).isZero();
    assertThat(migrate.out()).contains("add column users.nickname").contains("_add_nickname.sql");
    assertThat(migrate.err())
        .contains("does not answer")
        .contains("derived from the SQLite comparison");
    try (var files = Files.list(dir.resolve("scripts").resolve("postgresql"))) {
      assertThat(files.map(Path::toString))
          .anySatisfy(f -> assertThat(f).endsWith("_add_nickname.sql"));
    }
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    CliRun check = CliRun.run(env, "db", "check");
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
  }

  private void addNickname() throws Exception {
    ProjectScripts.addNickname(dir.resolve("schema.dmschema"));
  }

  /** A SQLite database with a copy of the project's scripts and declared schema. */
  private Map<String, String> project(String devPostgresUrl) throws Exception {
    Path scripts = dir.resolve("scripts");
    ProjectScripts.copyTo(scripts);
    Path schema = ProjectScripts.schemaTo(dir.resolve("schema.dmschema"));
    return new HashMap<>(
        Map.of(
            "DATABASE_URL",
            "jdbc:sqlite:" + dir.resolve("db.sqlite"),
            "DATAMINGLE_MIGRATIONS",
            scripts.toString(),
            "DATAMINGLE_SCHEMA",
            schema.toString(),
            "DATAMINGLE_DEV_POSTGRES_URL",
            devPostgresUrl));
  }
}
