package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.adapter.cli.bootstrap.ServeOptions;
import com.datamingle.adapter.cli.bootstrap.ServeWiring;
import com.datamingle.adapter.cli.bootstrap.ServiceRefused;
import com.datamingle.adapter.cli.bootstrap.ServiceRuntime;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.testing.FlaskPrototype;
import com.datamingle.migrations.testing.QueryRows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's data-safety rules through the command line, on each database: restore checks the file
 * before touching anything, backs up first and is atomic; stamp says what it did and refuses a
 * schema that does not match; a foreign database is recognised and refused untouched; serve checks
 * the schema at start-up; backups are pruned to the newest N of our own.
 */
abstract class DataSafetyContract extends CliDatabaseTest {
  static final String USERS = "20261124000002";
  static final String HEAD = "20261201051000";

  @TempDir Path files;

  DataSafetyContract(CliDatabase.Kind kind) {
    super(kind);
  }

  /**
   * Everything a refused command must leave as it was: the bytes of a SQLite file, every table and
   * row of a PostgreSQL schema.
   */
  abstract String fingerprint() throws Exception;

  /** Where this database's backups go when no file is named. */
  Path backupFolder() {
    return database.backupFolder();
  }

  /** The prototype's database, made by Flask-Migrate/Alembic, in this test's database. */
  abstract void loadPrototype() throws Exception;

  /**
   * A backup file of the other kind of database (a SQLite file for PostgreSQL, a PostgreSQL dump
   * for SQLite).
   */
  abstract Path backupOfTheOtherKind() throws Exception;

  /** Upgrades, inserts {@code users} users and backs them up to {@code name} (checked). */
  Path backupOfUsers(int users, String name) throws Exception {
    run("db", "upgrade");
    insertUsers(0, users);
    Path backup = files.resolve(name);
    CliRun run = run("db", "backup", "--to", backup.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return backup;
  }

  /** The same file cut in half. */
  Path truncated(Path backup) throws Exception {
    byte[] bytes = Files.readAllBytes(backup);
    Path cut = files.resolve("truncated.backup");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    return cut;
  }

  CliRun runWith(Map<String, String> extra, String... args) {
    Map<String, String> env = new HashMap<>(env());
    env.putAll(extra);
    return CliRun.run(env, args);
  }

  void insertUsers(int from, int n) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (int i = from; i < from + n; i++) {
        s.execute(
            "INSERT INTO users (id, workos_user_id, email, is_active, is_admin, timezone, language,"
                + " created_at, updated_at) VALUES ('0192b3c4-5d6e-7f80-9a1b-"
                + String.format("%012d", i)
                + "', 'user_01S"
                + i
                + "', 's"
                + i
                + "@example.com',"
                + " TRUE, FALSE, 'UTC', 'en', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      }
    }
  }

  List<String> users() throws SQLException {
    return QueryRows.of(this::connect, "SELECT id, email, first_name FROM users ORDER BY id");
  }

  List<String> backupFiles() throws Exception {
    try (var list = Files.list(backupFolder())) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.contains("backup"))
          .sorted()
          .toList();
    }
  }

  // ---- restore ----

  @Test
  void restoreRefusesAnythingButABackupOfThisDatabaseKindAndChangesNothing() throws Exception {
    Path good = backupOfUsers(3, "good.backup");
    Path text =
        Files.writeString(
            files.resolve("passwd"),
            "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/usr/sbin/nologin\n");
    Path empty = Files.createFile(files.resolve("empty.backup"));
    Path folder = Files.createDirectories(files.resolve("a-folder"));
    Path binary =
        Files.write(
            files.resolve("random.bin"),
            new byte[] {0x00, (byte) 0xff, 0x13, 0x37, 0x00, 0x42, 0x7f, (byte) 0x80});
    Map<Path, String> cases = new java.util.LinkedHashMap<>();
    cases.put(text, "a text file");
    cases.put(empty, "empty");
    cases.put(folder, "folder");
    cases.put(binary, "binary");
    cases.put(files.resolve("no-such-file"), "no backup file");
    cases.put(truncated(good), "truncated");
    cases.put(
        backupOfTheOtherKind(),
        "not a " + (this instanceof DataSafetyTest ? "SQLite" : "PostgreSQL") + " backup");
    String before = fingerprint();
    List<String> backupsBefore = backupFiles();

    for (var c : cases.entrySet()) {
      CliRun restore = run("db", "restore", c.getKey().toString(), "--yes");

      assertThat(restore.exitCode())
          .as(c.getKey() + ": " + restore.out() + restore.err())
          .isEqualTo(1);
      assertThat(restore.err()).as(c.getKey().toString()).contains(c.getValue());
      assertThat(restore.err().lines().count()).as("one line: " + restore.err()).isEqualTo(1);
      assertThat(restore.out()).doesNotContain("Restored");
      assertThat(fingerprint()).as("unchanged after " + c.getKey()).isEqualTo(before);
      assertThat(backupFiles()).as("no backup taken for a refused file").isEqualTo(backupsBefore);
    }
    assertThat(users()).hasSize(3);
  }

  @Test
  void restoreRefusesADatabaseMadeByAnotherTool() throws Exception {
    loadPrototype();
    Path foreign = files.resolve("prototype.backup");
    assertThat(run("db", "backup", "--to", foreign.toString()).exitCode()).isZero();
    run("reset-db", "--yes", "--force");
    insertUsers(0, 2);
    String before = fingerprint();

    CliRun restore = run("db", "restore", foreign.toString(), "--yes");

    assertThat(restore.exitCode()).isEqualTo(1);
    assertThat(restore.err()).contains("Flask-Migrate/Alembic").contains("db import");
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void restoreSaysWhichVersionTheBackupHoldsBacksUpFirstAndUpgradeTakesItToHead() throws Exception {
    run("db", "upgrade", USERS);
    insertUsers(0, 4);
    List<String> old = users();
    Path backup = files.resolve("at-users.backup");
    assertThat(run("db", "backup", "--to", backup.toString()).exitCode()).isZero();
    run("db", "upgrade");
    insertUsers(10, 3);
    List<String> current = users();

    assertThat(run("db", "restore", backup.toString()).exitCode()).as("asks first").isEqualTo(2);
    CliRun restore = run("db", "restore", backup.toString(), "--yes");

    assertThat(restore.exitCode()).as(restore.err()).isZero();
    assertThat(restore.out())
        .contains("is a DataMingle backup at " + USERS + " create users")
        .contains("this build's head is " + HEAD)
        .contains("db upgrade")
        .contains("Backup written to")
        .contains(".before-restore")
        .contains("Restored");
    assertThat(users()).isEqualTo(old);
    assertThat(run("db", "current").out()).contains(USERS).contains("2 pending");
    Path safety =
        backupFiles().stream()
            .filter(n -> n.contains(".before-restore"))
            .map(backupFolder()::resolve)
            .findFirst()
            .orElseThrow();

    CliRun upgrade = run("db", "upgrade");
    assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
    assertThat(run("db", "current").out()).contains(HEAD + " revocations and cache changes (head)");
    assertThat(users()).isEqualTo(old);

    CliRun back = run("db", "restore", safety.toString(), "--yes");
    assertThat(back.exitCode()).as(back.err()).isZero();
    assertThat(back.out()).contains("(this build's head)");
    assertThat(users())
        .as("the automatic backup holds what the restore replaced")
        .isEqualTo(current);
  }

  @Test
  void restoreIntoAnEmptyDatabaseTakesNoBackupOfNothing() throws Exception {
    Path backup = backupOfUsers(2, "full.backup");
    run("db", "downgrade", "base");
    List<String> backupsBefore = backupFiles();

    CliRun restore = run("db", "restore", backup.toString(), "--yes");

    assertThat(restore.exitCode()).as(restore.err()).isZero();
    assertThat(restore.out()).doesNotContain("Backup written to");
    assertThat(backupFiles()).isEqualTo(backupsBefore);
    assertThat(users()).hasSize(2);
  }

  // ---- stamp ----

  @Test
  void stampRefusesASchemaTheMigrationsDoNotMakeNamingTheDifferencesAndForceOverrides()
      throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
    }
    String before = fingerprint();

    CliRun refused = run("db", "stamp", "head");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out())
        .contains("DIFFERENCE table workos_events is missing")
        .contains("DIFFERENCE column users.email");
    assertThat(refused.err())
        .contains("refusing to stamp " + HEAD)
        .contains("nothing was written")
        .contains("--force");
    assertThat(fingerprint()).isEqualTo(before);

    CliRun forced = run("db", "stamp", "head", "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(forced.out())
        .contains("created the changelog table (ran 20261124000001 create changelog)")
        .contains("marked as applied (not run): " + USERS + " create users")
        .contains("marked as applied (not run): " + HEAD + " revocations and cache changes")
        .contains("(head)");
  }

  @Test
  void stampAdoptsAMatchingSchemaAndSaysWhatItMarkedAndUnmarked() throws Exception {
    run("db", "upgrade");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE CHANGELOG"); // a schema made by hand, without our bookkeeping
    }
    assertThat(run("db", "current").out()).contains("not a DataMingle database");

    CliRun adopt = run("db", "stamp", "head");

    assertThat(adopt.exitCode()).as(adopt.out() + adopt.err()).isZero();
    assertThat(adopt.out())
        .contains("marked as applied (not run): " + USERS + " create users")
        .contains("(head)");
    assertThat(run("db", "validate").exitCode()).isZero();
    assertThat(run("db", "stamp", "head").out()).contains("Nothing to stamp");

    CliRun back = run("db", "stamp", USERS);
    assertThat(back.exitCode()).as("its sync tables are still there").isEqualTo(1);
    assertThat(back.out())
        .contains("DIFFERENCE table workos_events is not made by any applied migration");
    assertThat(run("db", "current").out()).contains(HEAD);

    CliRun forced = run("db", "stamp", USERS, "--force");
    assertThat(forced.out())
        .as(forced.err())
        .contains(
            "unmarked (no longer recorded as applied; its tables stay): "
                + HEAD
                + " revocations and cache changes")
        .doesNotContain("marked as applied");
    assertThat(run("db", "current").out()).contains(USERS + " create users");
    assertThat(run("db", "stamp", "base").err()).contains("reset-db");
  }

  // ---- foreign databases ----

  @Test
  void aForeignDatabaseIsRecognisedAndEveryWritingCommandRefusesItUntouched() throws Exception {
    loadPrototype();
    String before = fingerprint();

    CliRun current = run("db", "current");
    assertThat(current.exitCode()).isZero();
    assertThat(current.out())
        .contains("made by Flask-Migrate/Alembic, revision " + FlaskPrototype.REVISION)
        .contains("alembic_version")
        .contains("users")
        .doesNotContain("empty");
    assertThat(run("db", "current", "--json").out())
        .contains("\"kind\":\"foreign\"")
        .contains("\"made_by\":\"Flask-Migrate/Alembic\"")
        .contains("\"revision\":\"" + FlaskPrototype.REVISION + "\"");
    assertThat(fingerprint()).isEqualTo(before);

    Map<String, String> workos = Map.of("WORKOS_CLIENT_ID", "client_TEST", "PORT", "0");
    List<String[]> commands =
        List.of(
            new String[] {"db", "upgrade"},
            new String[] {"db", "upgrade", "--sql"},
            new String[] {"db", "upgrade", USERS},
            new String[] {"init-db"},
            new String[] {"reset-db", "--yes"},
            new String[] {"db", "stamp", "head"},
            new String[] {"db", "merge", "--apply"},
            new String[] {"serve", "--migrate"},
            new String[] {"serve"},
            new String[] {"users", "list"},
            new String[] {"users", "promote", "ada@example.com"});
    for (String[] command : commands) {
      CliRun refused = runWith(workos, command);

      String what = String.join(" ", command);
      assertThat(refused.exitCode()).as(what + ": " + refused.out() + refused.err()).isEqualTo(1);
      assertThat(refused.err()).as(what).contains("Flask-Migrate/Alembic").contains("db import");
      assertThat(fingerprint()).as("unchanged after " + what).isEqualTo(before);
    }

    CliRun reset = run("reset-db", "--yes", "--force");
    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(reset.out()).contains("Backup written to").contains("(head)");
  }

  @Test
  void aStampedForeignDatabaseIsCaughtByServeAndItsErrorsAreOneLine() throws Exception {
    loadPrototype();
    assertThat(run("db", "stamp", "head", "--force").exitCode()).isZero();

    CliRun users = run("users", "list");
    assertThat(users.exitCode()).isEqualTo(1);
    assertThat(users.err().lines().toList())
        .as(users.err())
        .hasSizeLessThanOrEqualTo(2)
        .noneMatch(l -> l.contains("###"))
        .noneMatch(l -> l.contains("ResultMapping{"));
    assertThat(users.err()).contains("db drift").contains("--trace");

    assertThatThrownBy(() -> serve(false))
        .isInstanceOf(ServiceRefused.class)
        .hasMessageContaining("not what its applied migrations make")
        .hasMessageContaining("is missing")
        .hasMessageContaining("--allow-drift");
  }

  // ---- serve's start-up check ----

  ServiceRuntime serve(boolean allowDrift) {
    Map<String, String> env = new HashMap<>(env());
    env.put("PORT", "0");
    env.put("BIND_ADDRESS", "127.0.0.1");
    Consumer<String> say = line -> {};
    return ServeWiring.serve(
        Settings.fromEnvironment(env),
        new ServeOptions(
            true,
            false,
            allowDrift,
            files.resolve("dev"),
            MigrationListener.SILENT,
            say,
            java.util.Set.of(),
            com.datamingle.adapter.cli.bootstrap.WarmUpBudget.OFF),
        Clock.systemUTC());
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void serveRefusesASchemaChangedByHandUnlessAllowedAndThenIsNotReady() throws Exception {
    run("db", "upgrade");
    try (ServiceRuntime runtime = serve(false)) {
      assertThat(get(runtime.port(), "/ready").statusCode()).isEqualTo(200);
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(40)");
    }

    assertThatThrownBy(() -> serve(false))
        .isInstanceOf(ServiceRefused.class)
        .hasMessageContaining("users.nickname")
        .hasMessageContaining("--allow-drift");

    try (ServiceRuntime runtime = serve(true)) {
      HttpResponse<String> ready = get(runtime.port(), "/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("users.nickname").contains("db drift");
      assertThat(get(runtime.port(), "/health").statusCode()).isEqualTo(200);
    }
  }

  // ---- backups kept ----

  @Test
  void backupKeepLeavesTheNewestOfOurOwnAndNothingElse() throws Exception {
    run("db", "upgrade");
    Path theirs =
        Files.writeString(backupFolder().resolve("notes-about-backup.txt"), "an operator's file");
    Path named = files.resolve("named.backup");
    assertThat(run("db", "backup", "--to", named.toString()).exitCode()).isZero();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CliRun backup = run("db", "backup", "--keep", "2");
      assertThat(backup.exitCode()).as(backup.err()).isZero();
      made.add(
          Path.of(
                  backup
                      .out()
                      .lines()
                      .filter(l -> l.startsWith("Backup written to "))
                      .findFirst()
                      .orElseThrow()
                      .substring("Backup written to ".length()))
              .getFileName()
              .toString());
      Thread.sleep(5);
    }

    assertThat(backupFiles())
        .filteredOn(n -> !n.contains("notes"))
        .containsExactlyInAnyOrderElementsOf(made.subList(2, 4));
    assertThat(theirs).exists();
    assertThat(named).exists();
    assertThat(run("db", "backup", "--keep", "0").exitCode()).isEqualTo(2);
    assertThat(run("db", "backup", "--keep", "2", "--to", files.resolve("x").toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void automaticBackupsKeepTheNewestNAndNeverTheOperatorsOwn() throws Exception {
    run("db", "upgrade");
    CliRun manual = run("db", "backup");
    assertThat(manual.exitCode()).isZero();
    Map<String, String> keepTwo = Map.of("DATAMINGLE_BACKUP_KEEP", "2");
    for (int i = 0; i < 4; i++) {
      CliRun down = runWith(keepTwo, "db", "downgrade");
      assertThat(down.exitCode()).as(down.err()).isZero();
      assertThat(down.out()).contains(".before-downgrade");
      runWith(keepTwo, "db", "upgrade");
      Thread.sleep(5);
    }

    List<String> backups = backupFiles();
    assertThat(backups).filteredOn(n -> n.contains(".before-downgrade")).hasSize(2);
    assertThat(backups).filteredOn(n -> !n.contains(".before-")).hasSize(1);
    assertThat(runWith(Map.of("DATAMINGLE_BACKUP_KEEP", "many"), "db", "downgrade").err())
        .contains("DATAMINGLE_BACKUP_KEEP");
  }
}
