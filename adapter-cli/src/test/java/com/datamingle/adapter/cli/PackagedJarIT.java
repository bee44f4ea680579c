package com.datamingle.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged runnable jar, as an operator runs it: its own scripts come from inside the jar. */
class PackagedJarIT {
  @TempDir Path workDir;

  record Result(int code, String out, String err) {}

  private Result datamingle(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("datamingle.jar", "target/datamingle.jar"));
    assertThat(jar).as("the packaged jar (run mvn verify)").exists();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().remove("DATABASE_URL");
    builder.environment().remove("DATAMINGLE_MIGRATIONS");
    builder.environment().putAll(env);
    Path out = workDir.resolve("out.txt");
    Path err = workDir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("datamingle finished").isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void upgradeInAnEmptyFolderCreatesDbSqliteWithTheUsersTable() throws Exception {
    Result up = datamingle(Map.of(), "db", "upgrade");

    assertThat(up.code()).as(up.err()).isZero();
    assertThat(workDir.resolve("db.sqlite")).exists();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workDir.resolve("db.sqlite"));
         ResultSet rs = c.getMetaData().getTables(null, null, "users", null)) {
      assertThat(rs.next()).isTrue();
    }
    assertThat(datamingle(Map.of(), "db", "current").out()).contains("20261124000002 create users (head)");
    assertThat(datamingle(Map.of(), "db", "history").out()).containsPattern("20261124000002\\s+create users.*applied");
    assertThat(datamingle(Map.of(), "db", "downgrade").code()).isZero();
    assertThat(datamingle(Map.of(), "db", "current").out()).contains("1 pending");
  }

  @Test
  void theSameAgainstPostgresqlWithDatabaseUrl() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.createIsolated()) {
      Map<String, String> env = Map.of("DATABASE_URL", database.postgresUrl());

      Result up = datamingle(env, "db", "upgrade");
      assertThat(up.code()).as(up.err()).isZero();
      assertThat(datamingle(env, "db", "current").out()).contains("20261124000002 create users (head)");
      assertThat(datamingle(env, "db", "history").out()).containsPattern("20261124000002\\s+create users.*applied");
      assertThat(datamingle(env, "db", "downgrade").code()).isZero();
      assertThat(datamingle(env, "db", "current").out()).contains("1 pending");
      assertThat(workDir.resolve("db.sqlite")).doesNotExist();
    }
  }

  @Test
  void aBadDatabaseUrlGivesOneLineAndExitOne() throws Exception {
    Result bad = datamingle(Map.of("DATABASE_URL", "oracle://scott:tiger@db/orcl"), "db", "current");

    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err().lines().toList()).hasSize(1);
    assertThat(bad.err()).doesNotContain("tiger").doesNotContain("Exception");
  }
}
