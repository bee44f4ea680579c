package com.datamingle.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.testing.SchemaSnapshot;
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
abstract class DatabaseMigratorContract {
  static final String CHANGELOG = "20261124000001";
  static final String USERS = "20261124000002";

  @TempDir Path scriptsRoot;

  abstract MigrationTarget target();

  abstract Connection connect() throws SQLException;

  abstract String schema();

  DatabaseMigrator packaged() {
    return DatabaseMigrator.create(target(), ScriptSource.packaged());
  }

  List<String> tables() throws SQLException {
    try (Connection c = connect()) {
      return new ArrayList<>(SchemaSnapshot.columns(c, schema()).keySet());
    }
  }

  /** A folder holding the packaged scripts of this dialect, to which a test can add its own. */
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
    MigrationReport report = packaged().upgrade(null, new MigrationListener() {
      @Override
      public void finished(MigrationEntry migration, boolean undo, java.time.Duration took) {
        seen.add(migration.id());
      }
    });

    assertThat(seen).containsExactly(CHANGELOG, USERS);
    assertThat(report.ran()).extracting(MigrationEntry::id).containsExactly(CHANGELOG, USERS);
    assertThat(report.after().atHead()).isTrue();
    assertThat(report.after().current().orElseThrow().id()).isEqualTo(USERS);
    assertThat(tables()).contains("changelog", "users");
  }

  @Test
  void upgradeAtHeadDoesNothing() {
    packaged().upgrade(null, null);

    assertThat(packaged().upgrade(null, null).ran()).isEmpty();
  }

  @Test
  void downgradeUndoesOneStepThenUpgradeReappliesIt() throws SQLException {
    packaged().upgrade(null, null);

    MigrationReport down = packaged().downgradeSteps(1, null);

    assertThat(down.ran()).extracting(MigrationEntry::id).containsExactly(USERS);
    assertThat(tables()).doesNotContain("users").contains("changelog");
    assertThat(down.after().current().orElseThrow().id()).isEqualTo(CHANGELOG);
    assertThat(down.after().withState(MigrationEntry.State.PENDING)).extracting(MigrationEntry::id).containsExactly(USERS);

    packaged().upgrade(null, null);
    assertThat(tables()).contains("users");
  }

  @Test
  void downgradeToBaseLeavesAnEmptyDatabase() throws SQLException {
    packaged().upgrade(null, null);

    MigrationReport report = packaged().downgradeTo("base", null);

    assertThat(report.ran()).extracting(MigrationEntry::id).containsExactly(USERS, CHANGELOG);
    assertThat(tables()).isEmpty();
    assertThat(report.after().current()).isEmpty();
  }

  @Test
  void upgradeAndDowngradeToAVersion() throws SQLException {
    assertThat(packaged().upgrade(CHANGELOG, null).ran()).extracting(MigrationEntry::id).containsExactly(CHANGELOG);
    assertThat(tables()).containsExactly("changelog");

    packaged().upgrade(USERS, null);
    assertThat(packaged().downgradeTo(CHANGELOG, null).ran()).extracting(MigrationEntry::id).containsExactly(USERS);
    assertThat(packaged().status().current().orElseThrow().id()).isEqualTo(CHANGELOG);
  }

  @Test
  void refusesUnknownTargetsWithoutChangingAnything() throws SQLException {
    assertThatThrownBy(() -> packaged().upgrade("20990101000000", null))
        .isInstanceOf(MigrationFailure.class).hasMessageContaining("db history");
    assertThatThrownBy(() -> packaged().upgrade("head-ish", null)).hasMessageContaining("not a migration id");
    assertThatThrownBy(() -> packaged().downgradeSteps(1, null)).hasMessageContaining("nothing to downgrade");
    assertThat(tables()).isEmpty();

    packaged().upgrade(null, null);
    assertThatThrownBy(() -> packaged().downgradeSteps(3, null)).hasMessageContaining("only 2 are applied");
    assertThatThrownBy(() -> packaged().upgrade(CHANGELOG, null)).hasMessageContaining("db downgrade");
    assertThat(tables()).contains("users");
  }

  @Test
  void aFailingScriptIsRolledBackAndNamedWithItsStatement() throws Exception {
    DatabaseMigrator migrator = withExtraScript("20261201000000_add_broken.sql", String.join("\n",
        "-- // add broken",
        "CREATE TABLE half_done (id INTEGER PRIMARY KEY);",
        "INSERT INTO no_such_table VALUES (1);",
        "-- //@UNDO",
        "DROP TABLE half_done;", ""));

    assertThatThrownBy(() -> migrator.upgrade(null, null))
        .isInstanceOf(MigrationFailure.class)
        .hasMessageContaining("20261201000000_add_broken.sql")
        .hasMessageContaining("no_such_table")
        .hasMessageContaining("statement: INSERT INTO no_such_table");

    assertThat(tables()).doesNotContain("half_done").contains("users");
    MigrationStatus status = migrator.status();
    assertThat(status.current().orElseThrow().id()).isEqualTo(USERS);
    assertThat(status.withState(MigrationEntry.State.PENDING)).extracting(MigrationEntry::id).containsExactly("20261201000000");
  }

  @Test
  void refusesToDowngradeAMigrationWithoutUndo() throws Exception {
    DatabaseMigrator migrator = withExtraScript("20261201000000_no_way_back.sql",
        "-- // no way back\nCREATE TABLE one_way (id INTEGER PRIMARY KEY);\n-- //@UNDO\n-- nothing\n");
    migrator.upgrade(null, null);

    assertThatThrownBy(() -> migrator.downgradeSteps(1, null))
        .hasMessageContaining("20261201000000_no_way_back.sql has no undo section");
    assertThat(tables()).contains("one_way");
  }

  @Test
  void refusesScriptNamesItCannotParse() throws Exception {
    DatabaseMigrator migrator = withExtraScript("2026_bad name.sql", "-- // x\n");

    assertThatThrownBy(migrator::status).hasMessageContaining("2026_bad name.sql").hasMessageContaining("rename it");
  }

  @Test
  void refusesToSkipParallelWorkSilently() throws Exception {
    DatabaseMigrator later = withExtraScript("20261201000000_later.sql",
        "-- // later\nCREATE TABLE later_t (id INTEGER PRIMARY KEY);\n-- //@UNDO\nDROP TABLE later_t;\n");
    later.upgrade(null, null);
    Files.writeString(scriptsRoot.resolve(target().dialect().id()).resolve("20261130000000_parallel.sql"),
        "-- // parallel\nCREATE TABLE parallel_t (id INTEGER PRIMARY KEY);\n-- //@UNDO\nDROP TABLE parallel_t;\n");

    MigrationStatus status = later.status();

    assertThat(status.withState(MigrationEntry.State.OUT_OF_ORDER)).extracting(MigrationEntry::id).containsExactly("20261130000000");
    assertThat(status.atHead()).isFalse();
    assertThatThrownBy(() -> later.upgrade(null, null)).hasMessageContaining("20261130000000_parallel.sql")
        .hasMessageContaining("never applied");
    assertThat(tables()).doesNotContain("parallel_t");
  }

  @Test
  void reportsAppliedMigrationsWhoseScriptIsGone() throws Exception {
    DatabaseMigrator withExtra = withExtraScript("20261201000000_extra.sql",
        "-- // extra\nCREATE TABLE extra_t (id INTEGER PRIMARY KEY);\n-- //@UNDO\nDROP TABLE extra_t;\n");
    withExtra.upgrade(null, null);

    MigrationStatus status = packaged().status();

    assertThat(status.withState(MigrationEntry.State.MISSING_SCRIPT)).extracting(MigrationEntry::id).containsExactly("20261201000000");
    assertThatThrownBy(() -> packaged().upgrade(null, null)).hasMessageContaining("no script here");
  }

  @Test
  void concurrentUpgradesApplyEachMigrationOnce() throws Exception {
    DatabaseMigrator migrator = withExtraScript("20261201000000_counted.sql", String.join("\n",
        "-- // counted",
        "CREATE TABLE IF NOT EXISTS applications (n INTEGER);",
        "INSERT INTO applications (n) VALUES (1);",
        "-- //@UNDO",
        "DROP TABLE applications;", ""));
    int workers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MigrationReport>> results = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      results.add(pool.submit(() -> {
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

    assertThat(ran).isEqualTo(3);
    try (Connection c = connect(); Statement s = c.createStatement();
         var rs = s.executeQuery("SELECT count(*) FROM applications")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
