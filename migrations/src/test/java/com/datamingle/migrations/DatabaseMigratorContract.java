package com.datamingle.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.backup.DatabaseBackup;
import com.datamingle.migrations.backup.DatabaseRestore;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.lock.SchemaLock;
import com.datamingle.migrations.scripts.ScriptSource;
import com.datamingle.migrations.testing.DatabaseContract;
import com.datamingle.migrations.testing.QueryRows;
import com.datamingle.migrations.testing.SchemaSnapshot;
import com.datamingle.migrations.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every database must do with our migrations; run against SQLite and PostgreSQL. */
abstract class DatabaseMigratorContract extends DatabaseContract {
  static final String CHANGELOG = "20261124000001";
  static final String USERS = "20261124000002";

  /** The WorkOS sync tables. */
  static final String SYNC = "20261124213504";

  /** The head: revoked sessions, sign-outs and the SQLite cache-change feed. */
  static final String REVOCATIONS = "20261201051000";

  @TempDir Path scriptsRoot;

  DatabaseMigratorContract(TestDatabase db) {
    super(db);
  }

  String schema() {
    return db.schema();
  }

  List<String> tables() throws SQLException {
    try (Connection c = connect()) {
      return new ArrayList<>(SchemaSnapshot.columns(c, schema()).keySet());
    }
  }

  /** A folder holding the packaged scripts of this dialect, to which a test can add its own. */
  /** The packaged scripts and 20261231000000_NAME.sql, which creates (and undoes) table NAME_t. */
  DatabaseMigrator withTableScript(String name) throws IOException {
    return withExtraScript(
        "20261231000000_" + name + ".sql",
        "-- // "
            + name
            + "\nCREATE TABLE "
            + name
            + "_t (id INTEGER PRIMARY KEY);\n-- //@UNDO\nDROP TABLE "
            + name
            + "_t;\n");
  }

  DatabaseMigrator withExtraScript(String fileName, String text) throws IOException {
    Dialect dialect = target().dialect();
    Path dir = Files.createDirectories(scriptsRoot.resolve(dialect.id()));
    for (String name : ScriptSource.packaged().list(dialect)) {
      try (InputStream in = ScriptSource.packaged().open(dialect, name).orElseThrow()) {
        Files.copy(in, dir.resolve(name));
      }
    }
    if (fileName != null) {
      Files.writeString(dir.resolve(fileName), text);
    }
    return DatabaseMigrator.create(target(), ScriptSource.directory(scriptsRoot));
  }

  @Test
  void upgradeFromEmptyCreatesTheUsersTableAndReachesHead() throws SQLException {
    List<String> seen = new ArrayList<>();
    MigrationReport report =
        packaged()
            .upgrade(
                null,
                new MigrationListener() {
                  @Override
                  public void finished(
                      MigrationEntry migration, boolean undo, java.time.Duration took) {
                    seen.add(migration.id());
                  }
                });

    assertThat(seen).containsExactly(CHANGELOG, USERS, SYNC, REVOCATIONS);
    assertThat(report.ran())
        .extracting(MigrationEntry::id)
        .containsExactly(CHANGELOG, USERS, SYNC, REVOCATIONS);
    assertThat(report.after().atHead()).isTrue();
    assertThat(report.after().current().orElseThrow().id()).isEqualTo(REVOCATIONS);
    assertThat(tables())
        .contains("changelog", "users", "workos_events", "workos_user_sync", "sync_cursors");
  }

  @Test
  void upgradeAtHeadDoesNothing() {
    packaged().upgrade(null, null);

    assertThat(packaged().upgrade(null, null).ran()).isEmpty();
  }

  @Test
  void downgradeUndoesOneStepThenUpgradeReappliesIt() throws SQLException {
    packaged().upgrade(null, null);

    MigrationReport down = packaged().downgradeSteps(2, null);

    assertThat(down.ran()).extracting(MigrationEntry::id).containsExactly(REVOCATIONS, SYNC);
    assertThat(tables())
        .doesNotContain("workos_events", "workos_user_sync", "sync_cursors", "revoked_sessions")
        .contains("changelog", "users");
    assertThat(down.after().current().orElseThrow().id()).isEqualTo(USERS);
    assertThat(down.after().withState(MigrationEntry.State.PENDING))
        .extracting(MigrationEntry::id)
        .containsExactly(SYNC, REVOCATIONS);

    packaged().upgrade(null, null);
    assertThat(tables()).contains("workos_events");
  }

  @Test
  void downgradeToBaseLeavesAnEmptyDatabase() throws SQLException {
    packaged().upgrade(null, null);

    MigrationReport report = packaged().downgradeTo("base", null);

    assertThat(report.ran())
        .extracting(MigrationEntry::id)
        .containsExactly(REVOCATIONS, SYNC, USERS, CHANGELOG);
    assertThat(tables()).isEmpty();
    assertThat(report.after().current()).isEmpty();
  }

  @Test
  void upgradeAndDowngradeToAVersion() throws SQLException {
    assertThat(packaged().upgrade(CHANGELOG, null).ran())
        .extracting(MigrationEntry::id)
        .containsExactly(CHANGELOG);
    assertThat(tables()).containsExactly("changelog");

    packaged().upgrade(USERS, null);
    assertThat(packaged().downgradeTo(CHANGELOG, null).ran())
        .extracting(MigrationEntry::id)
        .containsExactly(USERS);
    assertThat(packaged().status().current().orElseThrow().id()).isEqualTo(CHANGELOG);
  }

  @Test
  void refusesUnknownTargetsWithoutChangingAnything() throws SQLException {
    assertThatThrownBy(() -> packaged().upgrade("20990101000000", null))
        .isInstanceOf(MigrationFailure.class)
        .hasMessageContaining("db history");
    assertThatThrownBy(() -> packaged().upgrade("head-ish", null))
        .hasMessageContaining("not a migration id");
    assertThatThrownBy(() -> packaged().downgradeSteps(1, null))
        .hasMessageContaining("nothing to downgrade");
    assertThat(tables()).isEmpty();

    packaged().upgrade(null, null);
    assertThatThrownBy(() -> packaged().downgradeSteps(5, null))
        .hasMessageContaining("only 4 are applied");
    assertThatThrownBy(() -> packaged().upgrade(CHANGELOG, null))
        .hasMessageContaining("db downgrade");
    assertThat(tables()).contains("users");
  }

  @Test
  void aFailingScriptIsRolledBackAndNamedWithItsStatement() throws Exception {
    DatabaseMigrator migrator =
        withExtraScript(
            "20261231000000_add_broken.sql",
            String.join(
                "\n",
                "-- // add broken",
                "CREATE TABLE half_done (id INTEGER PRIMARY KEY);",
                "INSERT INTO no_such_table VALUES (1);",
                "-- //@UNDO",
                "DROP TABLE half_done;",
                ""));

    assertThatThrownBy(() -> migrator.upgrade(null, null))
        .isInstanceOf(MigrationFailure.class)
        .hasMessageContaining("20261231000000_add_broken.sql")
        .hasMessageContaining("no_such_table")
        .hasMessageContaining("statement: INSERT INTO no_such_table");

    assertThat(tables()).doesNotContain("half_done").contains("users");
    MigrationStatus status = migrator.status();
    assertThat(status.current().orElseThrow().id()).isEqualTo(REVOCATIONS);
    assertThat(status.withState(MigrationEntry.State.PENDING))
        .extracting(MigrationEntry::id)
        .containsExactly("20261231000000");
  }

  @Test
  void refusesToDowngradeAMigrationWithoutUndo() throws Exception {
    DatabaseMigrator migrator =
        withExtraScript(
            "20261231000000_no_way_back.sql",
            "-- // no way back\n"
                + "CREATE TABLE one_way (id INTEGER PRIMARY KEY);\n"
                + "-- //@UNDO\n"
                + "-- nothing\n");
    migrator.upgrade(null, null);

    assertThatThrownBy(() -> migrator.downgradeSteps(1, null))
        .hasMessageContaining("20261231000000_no_way_back.sql has no undo section");
    assertThat(tables()).contains("one_way");
  }

  @Test
  void refusesScriptNamesItCannotParse() throws Exception {
    DatabaseMigrator migrator = withExtraScript("2026_bad name.sql", "-- // x\n");

    assertThatThrownBy(migrator::status)
        .hasMessageContaining("2026_bad name.sql")
        .hasMessageContaining("rename it");
  }

  @Test
  void refusesToSkipParallelWorkSilently() throws Exception {
    DatabaseMigrator later = withTableScript("later");
    later.upgrade(null, null);
    Files.writeString(
        scriptsRoot.resolve(target().dialect().id()).resolve("20261130000000_parallel.sql"),
        "-- // parallel\n"
            + "CREATE TABLE parallel_t (id INTEGER PRIMARY KEY);\n"
            + "-- //@UNDO\n"
            + "DROP TABLE parallel_t;\n");

    MigrationStatus status = later.status();

    assertThat(status.withState(MigrationEntry.State.OUT_OF_ORDER))
        .extracting(MigrationEntry::id)
        .containsExactly("20261130000000");
    assertThat(status.atHead()).isFalse();
    assertThatThrownBy(() -> later.upgrade(null, null))
        .hasMessageContaining("20261130000000_parallel.sql")
        .hasMessageContaining("never applied");
    assertThat(tables()).doesNotContain("parallel_t");
  }

  @Test
  void reportsAppliedMigrationsWhoseScriptIsGone() throws Exception {
    DatabaseMigrator withExtra = withTableScript("extra");
    withExtra.upgrade(null, null);

    MigrationStatus status = packaged().status();

    assertThat(status.withState(MigrationEntry.State.MISSING_SCRIPT))
        .extracting(MigrationEntry::id)
        .containsExactly("20261231000000");
    assertThatThrownBy(() -> packaged().upgrade(null, null)).hasMessageContaining("no script here");
  }

  @Test
  void concurrentUpgradesApplyEachMigrationOnce() throws Exception {
    DatabaseMigrator migrator =
        withExtraScript(
            "20261231000000_counted.sql",
            String.join(
                "\n",
                "-- // counted",
                "CREATE TABLE IF NOT EXISTS applications (n INTEGER);",
                "INSERT INTO applications (n) VALUES (1);",
                "-- //@UNDO",
                "DROP TABLE applications;",
                ""));
    int workers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MigrationReport>> results = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return migrator.upgrade(null, null);
              }));
    }
    start.countDown();
    int ran = 0;
    for (Future<MigrationReport> f : results) {
      ran += f.get().ran().size();
    }
    pool.shutdown();

    assertThat(ran).as("the packaged scripts and the counted one, each once").isEqualTo(5);
    try (Connection c = connect();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM applications")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void anEditedAppliedMigrationIsRefusedNamingTheFileAndBothChecksums() throws Exception {
    DatabaseMigrator migrator = withTableScript("extra");
    migrator.upgrade(null, null);
    MigrationEntry applied =
        migrator.status().entries().stream()
            .filter(e -> e.id().equals("20261231000000"))
            .findFirst()
            .orElseThrow();
    assertThat(applied.recordedChecksum()).isNotNull().isEqualTo(applied.scriptChecksum());
    Path file = scriptsRoot.resolve(target().dialect().id()).resolve("20261231000000_extra.sql");
    Files.writeString(
        file,
        "-- // extra\n"
            + "CREATE TABLE extra_t (id INTEGER PRIMARY KEY, sneaky TEXT);\n"
            + "-- //@UNDO\n"
            + "DROP TABLE extra_t;\n");

    assertThat(migrator.validate())
        .singleElement()
        .asString()
        .contains("20261231000000_extra.sql")
        .contains(applied.recordedChecksum())
        .contains("db repair");
    assertThatThrownBy(() -> migrator.upgrade(null, null))
        .hasMessageContaining("edited after it was applied");
    assertThatThrownBy(() -> migrator.downgradeSteps(1, null))
        .hasMessageContaining("20261231000000_extra.sql");
    assertThat(tables()).contains("extra_t");

    assertThat(migrator.repair()).extracting(MigrationEntry::id).containsExactly("20261231000000");
    assertThat(migrator.validate()).isEmpty();
    Files.writeString(
        file,
        "-- // extra\r\n"
            + "CREATE TABLE extra_t (id INTEGER PRIMARY KEY, sneaky TEXT);   \r\n"
            + "-- //@UNDO\r\n"
            + "DROP TABLE extra_t;\r\n");
    assertThat(migrator.validate()).as("line endings and trailing blanks are not edits").isEmpty();
  }

  @Test
  void sqlPreviewShowsWhatWouldRunWithoutRunningIt() throws SQLException {
    String up = packaged().upgradeSql(null);

    assertThat(up)
        .contains("CREATE TABLE CHANGELOG")
        .contains("CREATE TABLE users")
        .contains("INSERT INTO CHANGELOG (ID, APPLIED_AT, DESCRIPTION) VALUES (20261124000002");
    assertThat(tables()).isEmpty();

    packaged().upgrade(null, null);
    String down = packaged().downgradeStepsSql(2);
    assertThat(down)
        .contains("DROP TABLE revoked_sessions")
        .contains("DELETE FROM CHANGELOG WHERE ID = " + REVOCATIONS)
        .contains("DROP TABLE workos_events")
        .contains("DELETE FROM CHANGELOG WHERE ID = " + SYNC);
    assertThat(packaged().downgradeToSql("base")).contains("DROP TABLE CHANGELOG");
    assertThat(tables()).contains("users");
    assertThat(packaged().upgradeSql(null)).contains("nothing to apply");
  }

  @Test
  void stampAdoptsADatabaseMadeElsewhere() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
    }

    Stamped stamped = packaged().stamp("head");

    assertThat(stamped.ran()).extracting(MigrationEntry::id).containsExactly(CHANGELOG);
    assertThat(stamped.marked())
        .extracting(MigrationEntry::id)
        .containsExactly(USERS, SYNC, REVOCATIONS);
    assertThat(stamped.unmarked()).isEmpty();
    MigrationStatus status = packaged().status();
    assertThat(status.atHead()).isTrue();
    assertThat(status.applied()).allSatisfy(e -> assertThat(e.recordedChecksum()).isNotNull());
    Stamped back = packaged().stamp(CHANGELOG);
    assertThat(back.unmarked())
        .extracting(MigrationEntry::id)
        .containsExactly(USERS, SYNC, REVOCATIONS);
    assertThat(back.marked()).isEmpty();
    assertThat(packaged().stamp(CHANGELOG).nothing()).isTrue();
    assertThat(packaged().status().current().orElseThrow().id()).isEqualTo(CHANGELOG);
    assertThatThrownBy(() -> packaged().stamp("base")).hasMessageContaining("reset-db");
    assertThatThrownBy(() -> packaged().stamp("nonsense"))
        .hasMessageContaining("not a migration id");
  }

  @Test
  void mergeAppliesParallelWorkInOrderOrRenumbersIt() throws Exception {
    DatabaseMigrator migrator = withTableScript("later");
    migrator.upgrade(null, null);
    Path dir = scriptsRoot.resolve(target().dialect().id());
    Files.writeString(
        dir.resolve("20261130000000_parallel.sql"),
        "-- // parallel\n"
            + "CREATE TABLE parallel_t (id INTEGER PRIMARY KEY);\n"
            + "-- //@UNDO\n"
            + "DROP TABLE parallel_t;\n");
    Files.writeString(
        dir.resolve("20270102000000_newer.sql"),
        "-- // newer\n"
            + "CREATE TABLE newer_t (id INTEGER PRIMARY KEY);\n"
            + "-- //@UNDO\n"
            + "DROP TABLE newer_t;\n");

    assertThat(migrator.outOfOrder())
        .extracting(MigrationEntry::id)
        .containsExactly("20261130000000");
    MigrationReport merged = migrator.applyOutOfOrder(null);

    assertThat(merged.ran()).extracting(MigrationEntry::id).containsExactly("20261130000000");
    assertThat(tables()).contains("parallel_t").doesNotContain("newer_t");
    assertThat(migrator.validate()).isEmpty();

    Files.writeString(
        dir.resolve("20261129000000_other.sql"),
        "-- // other\n"
            + "CREATE TABLE other_t (id INTEGER PRIMARY KEY);\n"
            + "-- //@UNDO\n"
            + "DROP TABLE other_t;\n");
    var renamed =
        migrator.renumberOutOfOrder(
            java.time.Clock.fixed(
                java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
    assertThat(renamed).containsEntry("20261129000000_other.sql", "20270102000001_other.sql");
    assertThat(migrator.outOfOrder()).isEmpty();
    migrator.upgrade(null, null);
    assertThat(tables()).contains("other_t", "newer_t");
  }

  @Test
  void emptinessDropAndSchemaDescription() {
    assertThat(packaged().isEmpty()).isTrue();
    packaged().upgrade(null, null);
    assertThat(packaged().isEmpty()).isFalse();
    assertThat(String.join("\n", packaged().schema()))
        .contains("users")
        .contains("ix_users_email")
        .doesNotContainIgnoringCase("changelog");

    packaged().dropEverything();

    assertThat(packaged().isEmpty()).isTrue();
    assertThat(packaged().status().current()).isEmpty();
  }

  @Test
  void aRestoreGivesBackIdenticalRows() throws Exception {
    packaged().upgrade(null, null);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 50; i++) {
        s.execute(
            "INSERT INTO users (id, workos_user_id, email, first_name, is_active, is_admin,"
                + " timezone, language, created_at, updated_at) VALUES ('0192b3c4-5d6e-7f80-9a1b-"
                + String.format("%012d", i)
                + "', 'user_01B"
                + i
                + "', 'u"
                + i
                + "@example.com',"
                + " 'Zoë "
                + i
                + "', TRUE, FALSE, 'UTC', 'en', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      }
    }
    List<String> before = rows();
    DatabaseBackup backup = new DatabaseBackup(target());
    Path file = backup.backup(scriptsRoot.resolve("backup.bin"));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM users WHERE email LIKE 'u1%'");
      s.execute("UPDATE users SET first_name = 'changed'");
    }
    assertThat(rows()).isNotEqualTo(before);

    DatabaseRestore restore = new DatabaseRestore(target());
    try (DatabaseRestore.Verified verified = restore.verify(file)) {
      assertThat(verified.applied()).containsExactly(CHANGELOG, USERS, SYNC, REVOCATIONS);
      restore.apply(verified);
    }

    assertThat(rows()).isEqualTo(before);
    assertThat(packaged().status().atHead()).isTrue();
    assertThatThrownBy(() -> backup.backup(file)).hasMessageContaining("never overwrites");
  }

  @Test
  void aHeldLockMakesOthersWaitThenFailNamingTheHolder() {
    try (SchemaLock.Held held =
        SchemaLock.forTarget(target()).acquire(java.time.Duration.ofSeconds(5))) {
      assertThatThrownBy(
              () ->
                  packaged().withLockTimeout(java.time.Duration.ofMillis(500)).upgrade(null, null))
          .isInstanceOf(MigrationFailure.class)
          .hasMessageContaining("another migration")
          .hasMessageContaining("try again");
    }
    assertThat(packaged().upgrade(null, null).ran())
        .extracting(MigrationEntry::id)
        .containsExactly(CHANGELOG, USERS, SYNC, REVOCATIONS);
  }

  List<String> rows() throws SQLException {
    return QueryRows.of(
        this::connect,
        "SELECT id, workos_user_id, email, first_name, created_at FROM users ORDER BY id");
  }
}
