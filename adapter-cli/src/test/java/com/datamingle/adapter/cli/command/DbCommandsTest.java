package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandsTest extends DbCommandsContract {
  @TempDir Path dir;

  @Override
  Map<String, String> env() {
    return Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite"));
  }

  @Override
  boolean usersTableExists() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite"));
         ResultSet rs = c.getMetaData().getTables(null, null, "users", null)) {
      return rs.next();
    }
  }

  @Test
  void aBadDatabaseUrlIsOneLineAndExitOne() {
    CliRun run = CliRun.run(Map.of("DATABASE_URL", "mysql://root:topsecret@localhost/db"), "db", "current");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("datamingle: DATABASE_URL").doesNotContain("topsecret").doesNotContain("Exception");
  }

  @Test
  void anUnreachableDatabaseIsOneLineAndExitOne() {
    CliRun run = CliRun.run(Map.of(), "--database-url", "postgresql://app:topsecret@127.0.0.1:1/db", "db", "upgrade");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("cannot use the database jdbc:postgresql://127.0.0.1:1/db")
        .contains("check DATABASE_URL").doesNotContain("topsecret").doesNotContain("\tat ");
  }

  @Test
  void traceShowsTheStack() {
    CliRun run = CliRun.run(Map.of(), "--database-url", "postgresql://127.0.0.1:1/db", "db", "current", "--trace");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void theDatabaseUrlFlagWinsOverTheEnvironment() throws Exception {
    Path other = dir.resolve("other.sqlite");

    CliRun run = CliRun.run(env(), "db", "upgrade", "--database-url", "jdbc:sqlite:" + other);

    assertThat(run.exitCode()).isZero();
    assertThat(other).exists();
    assertThat(usersTableExists()).isFalse();
  }
}
