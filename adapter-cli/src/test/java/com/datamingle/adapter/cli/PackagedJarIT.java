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

  private Result datamingle(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Process process = start(env, "run", args);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("datamingle finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(workDir.resolve("run.out"), StandardCharsets.UTF_8),
        Files.readString(workDir.resolve("run.err"), StandardCharsets.UTF_8));
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
    assertThat(datamingle(Map.of(), "db", "current").out())
        .contains("20261201051000 revocations and cache changes (head)");
    assertThat(datamingle(Map.of(), "db", "history").out())
        .containsPattern("20261124000002\\s+create users.*applied")
        .containsPattern("20261124213504\\s+workos sync.*applied");
    assertThat(datamingle(Map.of(), "db", "downgrade").code()).isZero();
    assertThat(datamingle(Map.of(), "db", "current").out()).contains("1 pending");
  }

  @Test
  void theSameAgainstPostgresqlWithDatabaseUrl() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.createIsolated()) {
      Map<String, String> env = Map.of("DATABASE_URL", database.postgresUrl());

      Result up = datamingle(env, "db", "upgrade");
      assertThat(up.code()).as(up.err()).isZero();
      assertThat(datamingle(env, "db", "current").out())
          .contains("20261201051000 revocations and cache changes (head)");
      assertThat(datamingle(env, "db", "history").out())
          .containsPattern("20261124000002\\s+create users.*applied")
          .containsPattern("20261124213504\\s+workos sync.*applied");
      assertThat(datamingle(env, "db", "downgrade").code()).isZero();
      assertThat(datamingle(env, "db", "current").out()).contains("1 pending");
      assertThat(workDir.resolve("db.sqlite")).doesNotExist();
    }
  }

  /** Scripts folder: the packaged scripts plus a counted migration, slow when asked. */
  private Path scriptsWithCountedMigration(boolean slow) throws IOException {
    Path root = workDir.resolve("scripts");
    for (String d : List.of("sqlite", "postgresql")) {
      Path dir = Files.createDirectories(root.resolve(d));
      for (String name :
          List.of("20261124000001_create_changelog.sql", "20261124000002_create_users.sql")) {
        try (var in =
            getClass()
                .getResourceAsStream("/com/datamingle/migrations/scripts/" + d + "/" + name)) {
          Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      String pause =
          !slow
              ? ""
              : d.equals("sqlite")
                  ? "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x <"
                      + " 40000000) SELECT count(*) FROM c;\n"
                  : "SELECT pg_sleep(4);\n";
      Files.writeString(
          dir.resolve("20261201000000_counted.sql"),
          "-- // counted\n"
              + "CREATE TABLE applications (n INTEGER);\n"
              + pause
              + "INSERT INTO applications (n) VALUES (1);\n"
              + "-- //@UNDO\nDROP TABLE applications;\n");
    }
    return root;
  }

  private int applications(String jdbcUrl, String user) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, null);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM applications")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private void fourConcurrentUpgradesApplyOnce(Map<String, String> env, String jdbcUrl, String user)
      throws Exception {
    Path scripts = scriptsWithCountedMigration(false);
    Map<String, String> withScripts = new java.util.HashMap<>(env);
    withScripts.put("DATAMINGLE_MIGRATIONS", scripts.toString());
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      processes.add(start(withScripts, "out" + i, "db", "upgrade"));
    }
    for (Process p : processes) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue())
          .as(Files.readString(workDir.resolve("out" + processes.indexOf(p) + ".err")))
          .isZero();
    }
    assertThat(applications(jdbcUrl, user)).isEqualTo(1);
  }

  private void aKilledUpgradeConvergesOnTheNextRun(
      Map<String, String> env, String jdbcUrl, String user) throws Exception {
    Path scripts = scriptsWithCountedMigration(true);
    Map<String, String> withScripts = new java.util.HashMap<>(env);
    withScripts.put("DATAMINGLE_MIGRATIONS", scripts.toString());
    assertThat(datamingle(withScripts, "db", "upgrade", "20261124000002").code()).isZero();
    Process victim = start(withScripts, "victim", "db", "upgrade");
    Path out = workDir.resolve("victim.out");
    for (int i = 0; i < 300 && !Files.readString(out).contains("Applying 20261201000000"); i++) {
      Thread.sleep(50);
    }
    assertThat(Files.readString(out)).contains("Applying 20261201000000");
    Thread.sleep(300);
    victim.destroyForcibly().waitFor(20, TimeUnit.SECONDS);

    Result again = datamingle(withScripts, "db", "upgrade");

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(datamingle(withScripts, "db", "current").out())
        .contains("20261201000000 counted (head)");
    assertThat(applications(jdbcUrl, user)).isEqualTo(1);
  }

  private Process start(Map<String, String> env, String name, String... args) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(PackagedJar.command(args)).directory(workDir.toFile());
    builder.environment().remove("DATABASE_URL");
    builder.environment().remove("DATAMINGLE_MIGRATIONS");
    builder.environment().putAll(env);
    return builder
        .redirectOutput(workDir.resolve(name + ".out").toFile())
        .redirectError(workDir.resolve(name + ".err").toFile())
        .start();
  }

  @Test
  void concurrencyAndCrashesOnSqlite() throws Exception {
    String url = "jdbc:sqlite:" + workDir.resolve("db.sqlite");
    fourConcurrentUpgradesApplyOnce(Map.of("DATABASE_URL", url), url, null);
    Files.delete(workDir.resolve("db.sqlite"));
    Files.deleteIfExists(workDir.resolve("db.sqlite-wal"));
    Files.deleteIfExists(workDir.resolve("db.sqlite-shm"));
    aKilledUpgradeConvergesOnTheNextRun(Map.of("DATABASE_URL", url), url, null);
  }

  @Test
  void concurrencyAndCrashesOnPostgresql() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.createIsolated()) {
      fourConcurrentUpgradesApplyOnce(
          Map.of("DATABASE_URL", database.postgresUrl()), database.jdbcUrl(), database.user());
    }
    try (PostgresTestDatabase database = PostgresTestDatabase.createIsolated()) {
      aKilledUpgradeConvergesOnTheNextRun(
          Map.of("DATABASE_URL", database.postgresUrl()), database.jdbcUrl(), database.user());
    }
  }

  @Test
  void aBadDatabaseUrlGivesOneLineAndExitOne() throws Exception {
    Result bad =
        datamingle(Map.of("DATABASE_URL", "oracle://scott:tiger@db/orcl"), "db", "current");

    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err().lines().toList()).hasSize(1);
    assertThat(bad.err()).doesNotContain("tiger").doesNotContain("Exception");
  }

  /** Users with ids from..from+n, in batches, straight through JDBC. */
  private static void insertUsers(String jdbcUrl, String user, int from, int n) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, null);
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO users (id, workos_user_id, email, first_name, is_active, is_admin,"
                    + " timezone, language, created_at, updated_at) VALUES (?, ?, ?, ?, TRUE,"
                    + " FALSE, 'UTC', 'en', ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = from; i < from + n; i++) {
        ps.setObject(
            1,
            jdbcUrl.startsWith("jdbc:sqlite")
                ? new java.util.UUID(42, i).toString()
                : new java.util.UUID(42, i));
        ps.setString(2, "user_01KILL" + i);
        ps.setString(3, "kill" + i + "@example.com");
        ps.setString(4, "A name long enough to fill some pages " + i);
        ps.setTimestamp(5, new java.sql.Timestamp(1_700_000_000_000L));
        ps.setTimestamp(6, new java.sql.Timestamp(1_700_000_000_000L));
        ps.addBatch();
        if (i % 5000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }

  private static int users(String jdbcUrl, String user) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, null);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM users")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * A restore killed at several moments after it began to replace the database leaves either the
   * database as it was or the backup, whole, never a mix; the next restore then completes.
   */
  private void aKilledRestoreLeavesTheOldOrTheNewDatabase(
      Map<String, String> env, String jdbcUrl, String user) throws Exception {
    assertThat(datamingle(env, "db", "upgrade").code()).isZero();
    insertUsers(jdbcUrl, user, 0, 60_000);
    Path backup = workDir.resolve("big.backup");
    assertThat(datamingle(env, "db", "backup", "--to", backup.toString()).code()).isZero();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, null)) {
      c.createStatement().execute("DELETE FROM users WHERE email LIKE 'kill1%'");
    }
    int before = users(jdbcUrl, user);
    int restored = 60_000;
    for (int delay : new int[] {0, 25, 60, 120, 400}) {
      Process victim = start(env, "restore" + delay, "db", "restore", backup.toString(), "--yes");
      Path out = workDir.resolve("restore" + delay + ".out");
      for (int i = 0;
          i < 1200 && victim.isAlive() && !Files.readString(out).contains("Backup written to");
          i++) {
        Thread.sleep(10);
      }
      Thread.sleep(delay);
      victim.destroyForcibly().waitFor(20, TimeUnit.SECONDS);

      int now = users(jdbcUrl, user);
      assertThat(now).as("after a kill " + delay + " ms into the swap").isIn(before, restored);
      if (jdbcUrl.startsWith("jdbc:sqlite")) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
            ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("ok");
        }
      }
      if (now == restored) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, null)) {
          c.createStatement().execute("DELETE FROM users WHERE email LIKE 'kill1%'");
        }
      }
    }
    Result finished = datamingle(env, "db", "restore", backup.toString(), "--yes");
    assertThat(finished.code()).as(finished.err()).isZero();
    assertThat(users(jdbcUrl, user)).isEqualTo(restored);
    try (var files = Files.list(workDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("working copies of killed restores are tidied away")
          .noneMatch(n -> n.contains(".restore-"));
    }
  }

  @Test
  void aKilledRestoreOnSqlite() throws Exception {
    String url = "jdbc:sqlite:" + workDir.resolve("db.sqlite");
    aKilledRestoreLeavesTheOldOrTheNewDatabase(Map.of("DATABASE_URL", url), url, null);
  }

  @Test
  void aKilledRestoreOnPostgresql() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.createIsolated()) {
      Map<String, String> env =
          Map.of(
              "DATABASE_URL", database.postgresUrl(), "DATAMINGLE_BACKUP_DIR", workDir.toString());
      aKilledRestoreLeavesTheOldOrTheNewDatabase(env, database.jdbcUrl(), database.user());
      try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'dm_restore_%'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("no schema left aside by a killed restore").isZero();
      }
    }
  }
}
