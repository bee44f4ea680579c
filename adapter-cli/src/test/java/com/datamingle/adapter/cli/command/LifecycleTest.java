package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.QueryRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's schema lifecycle through the command line, on each database. */
@OnEachDatabase
class LifecycleTest extends CliDatabaseTest {
  @TempDir Path scripts;

  LifecycleTest(CliDatabase.Kind kind) {
    super(kind);
  }

  String dialect() {
    return database.dialect();
  }

  CliRun runWithScripts(String... args) {
    Map<String, String> env = new HashMap<>(env());
    env.put("DATAMINGLE_MIGRATIONS", scripts.toString());
    return CliRun.run(env, args);
  }

  /** The packaged scripts copied into the temp folder, for tests that add or edit scripts. */
  void copyPackagedScripts() throws IOException {
    for (String d : List.of("sqlite", "postgresql")) {
      Path dir = Files.createDirectories(scripts.resolve(d));
      for (String name :
          List.of("20261124000001_create_changelog.sql", "20261124000002_create_users.sql")) {
        try (InputStream in =
            getClass()
                .getResourceAsStream("/com/datamingle/migrations/scripts/" + d + "/" + name)) {
          Files.copy(in, dir.resolve(name));
        }
      }
    }
  }

  void writeScript(String name, String text) throws IOException {
    for (String d : List.of("sqlite", "postgresql")) {
      Files.writeString(scripts.resolve(d).resolve(name), text);
    }
  }

  /**
   * A script {@code ID_DESCRIPTION.sql} that creates {@code table} with these columns and drops it.
   */
  void writeTableScript(String id, String description, String table, String columns)
      throws IOException {
    writeScript(
        id + "_" + description.replace(' ', '_') + ".sql",
        "-- // "
            + description
            + "\nCREATE TABLE "
            + table
            + " ("
            + columns
            + ");\n-- //@UNDO\nDROP TABLE "
            + table
            + ";\n");
  }

  int count(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  void insertUsers(int n) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (int i = 0; i < n; i++) {
        s.execute(
            "INSERT INTO users (id, workos_user_id, email, is_active, is_admin, timezone, language,"
                + " created_at, updated_at) VALUES ('0192b3c4-5d6e-7f80-9a1b-"
                + String.format("%012d", i)
                + "', 'user_01L"
                + i
                + "', 'l"
                + i
                + "@example.com',"
                + " TRUE, FALSE, 'UTC', 'en', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      }
    }
  }

  List<String> rows() throws SQLException {
    return QueryRows.of(
        this::connect,
        "SELECT id, workos_user_id, email, is_active, updated_at FROM users ORDER BY id");
  }

  @Test
  void initDbCreatesTheSchemaOnlyInAnEmptyDatabase() {
    CliRun first = run("init-db");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("(head)");

    CliRun again = run("init-db");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("not empty").contains("reset-db");
  }

  @Test
  void resetDbAsksRefusesProductionAndBacksUpFirst() throws Exception {
    run("init-db");
    insertUsers(3);

    assertThat(run("reset-db").exitCode()).as("needs --yes off a terminal").isEqualTo(2);
    Map<String, String> production = new HashMap<>(env());
    production.put("DATAMINGLE_ENV", "production");
    CliRun refused = CliRun.run(production, "reset-db", "--yes");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("production").contains("--force");
    assertThat(count("SELECT count(*) FROM users")).isEqualTo(3);

    CliRun reset = run("reset-db", "--yes");
    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(reset.out()).contains("Backup written to").contains("(head)");
    assertThat(count("SELECT count(*) FROM users")).isZero();
    CliRun forced = CliRun.run(production, "reset-db", "--yes", "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
  }

  @Test
  void backupAndRestoreGiveBackIdenticalRows() throws Exception {
    run("db", "upgrade");
    insertUsers(25);
    List<String> before = rows();
    Path file = scripts.resolve("users.backup");

    assertThat(run("db", "backup", "--to", file.toString()).exitCode()).isZero();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM users WHERE email LIKE 'l1%'");
    }
    assertThat(run("db", "restore", file.toString()).exitCode()).as("needs --yes").isEqualTo(2);
    CliRun restore = run("db", "restore", file.toString(), "--yes");

    assertThat(restore.exitCode()).as(restore.err()).isZero();
    assertThat(rows()).isEqualTo(before);
    assertThat(run("db", "backup", "--to", file.toString()).err()).contains("never overwrites");
  }

  @Test
  void downgradeTakesABackupAndSqlPreviewsChangeNothing() throws Exception {
    CliRun preview = run("db", "upgrade", "--sql");
    assertThat(preview.out()).contains("CREATE TABLE users").contains("INSERT INTO CHANGELOG");
    assertThat(run("db", "current").out()).contains("empty");

    run("db", "upgrade");
    assertThat(run("db", "downgrade", "--sql").out()).contains("DROP TABLE cache_changes");
    assertThat(count("SELECT count(*) FROM users")).isZero();

    CliRun down = run("db", "downgrade");
    assertThat(down.out())
        .as(down.err())
        .contains("Backup written to")
        .contains("Undoing  20261201051000");
    assertThat(run("db", "upgrade", "--backup").out()).contains("Backup written to");
  }

  @Test
  void anEditedAppliedMigrationIsCaughtAndRepairable() throws Exception {
    copyPackagedScripts();
    writeTableScript("20261201000000", "add teams", "teams", "id INTEGER PRIMARY KEY");
    assertThat(runWithScripts("db", "upgrade").exitCode()).isZero();
    writeTableScript("20261201000000", "add teams", "teams", "id INTEGER PRIMARY KEY, name TEXT");

    CliRun validate = runWithScripts("db", "validate");
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.out())
        .contains("20261201000000_add_teams.sql")
        .contains("checksum applied to database");
    assertThat(runWithScripts("db", "history").out()).contains("CHECKSUM MISMATCH");
    CliRun upgrade = runWithScripts("db", "downgrade");
    assertThat(upgrade.exitCode()).isEqualTo(1);
    assertThat(upgrade.err())
        .contains("20261201000000_add_teams.sql")
        .contains("edited after it was applied");

    assertThat(runWithScripts("db", "repair").exitCode()).isEqualTo(2);
    assertThat(runWithScripts("db", "repair", "--yes").out())
        .contains("accepted 20261201000000_add_teams.sql");
    assertThat(runWithScripts("db", "validate").exitCode()).isZero();
  }

  @Test
  void mergeListsAndAppliesParallelWork() throws Exception {
    copyPackagedScripts();
    writeTableScript("20261201000000", "later", "later_t", "id INTEGER PRIMARY KEY");
    runWithScripts("db", "upgrade");
    writeTableScript("20261130000000", "parallel", "parallel_t", "id INTEGER PRIMARY KEY");

    CliRun refused = runWithScripts("db", "upgrade");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("db merge");
    assertThat(runWithScripts("db", "merge").out())
        .contains("not applied: 20261130000000_parallel.sql");
    assertThat(runWithScripts("db", "merge", "--json").out()).contains("\"id\":\"20261130000000\"");

    CliRun merged = runWithScripts("db", "merge", "--apply");
    assertThat(merged.exitCode()).as(merged.err()).isZero();
    assertThat(count("SELECT count(*) FROM parallel_t")).isZero();
    assertThat(runWithScripts("db", "current").out()).contains("(head)");
  }

  @Test
  void stampAdoptsAnExistingSchemaOnlyWhenItMatchesOrWithForce() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
    }
    assertThat(run("db", "stamp", "head").exitCode())
        .as("users is not what the migrations make")
        .isEqualTo(1);

    CliRun stamp = run("db", "stamp", "head", "--force");

    assertThat(stamp.exitCode()).as(stamp.err()).isZero();
    assertThat(stamp.out())
        .contains("marked as applied (not run): 20261124000002 create users")
        .contains("(head)");
    assertThat(run("db", "validate").exitCode()).isZero();
  }

  @Test
  void dbTestRehearsesOnACopyAndCatchesABadUndo() throws Exception {
    copyPackagedScripts();
    runWithScripts("db", "upgrade");
    writeTableScript("20261201000000", "good", "good_t", "id INTEGER PRIMARY KEY");

    CliRun good = runWithScripts("db", "test");
    assertThat(good.exitCode()).as(good.out() + good.err()).isZero();
    assertThat(good.out()).contains("OK");
    assertThat(runWithScripts("db", "current").out())
        .as("the real database is untouched")
        .contains("1 pending");

    writeScript(
        "20261202000000_leaky.sql",
        "-- // leaky\nCREATE TABLE leaky_t (id INTEGER PRIMARY KEY);\n"
            + "CREATE TABLE leaky_u (id INTEGER PRIMARY KEY);\n-- //@UNDO\nDROP TABLE leaky_t;\n");
    CliRun leaky = runWithScripts("db", "test");
    assertThat(leaky.exitCode()).isEqualTo(1);
    assertThat(leaky.out())
        .as(leaky.err())
        .contains("DIFFERENCE after undoing them, unexpected")
        .contains("leaky_u");
    assertThat(count("SELECT count(*) FROM users")).isZero();
  }

  @Test
  void operatorsManageUsersThroughTheApplicationRules() throws Exception {
    run("db", "upgrade");
    insertUsers(2);

    CliRun promote = run("users", "promote", "l0@example.com");
    assertThat(promote.exitCode()).as(promote.err()).isZero();
    assertThat(promote.out()).contains("promoted to admin: l0@example.com");
    CliRun lastAdmin = run("users", "demote", "user_01L0");
    assertThat(lastAdmin.exitCode()).isEqualTo(1);
    assertThat(lastAdmin.err()).contains("last active admin");
    assertThat(run("users", "deactivate", "l1@example.com").exitCode()).isZero();
    assertThat(run("users", "activate", "0192b3c4-5d6e-7f80-9a1b-000000000001").exitCode())
        .isZero();

    assertThat(run("users", "list", "--admin", "true", "--json").out())
        .contains("\"email\":\"l0@example.com\"")
        .doesNotContain("l1@");
    assertThat(run("users", "show", "l1@example.com").out()).contains("user_01L1");
    assertThat(run("users", "show", "nobody@example.com").exitCode()).isEqualTo(1);
    assertThat(run("users", "show", "not a reference").exitCode()).isEqualTo(2);
    assertThat(run("users", "list", "--limit", "500").exitCode()).isEqualTo(2);
  }

  @Test
  void dbInitScaffoldsAndDbNewWritesBothDialects() throws Exception {
    Path folder = scripts.resolve("project-migrations");
    CliRun init = run("db", "init", folder.toString());
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(folder.resolve("sqlite/20261124000001_create_changelog.sql")).exists();
    assertThat(folder.resolve("postgresql/20261124000001_create_changelog.sql")).exists();
    assertThat(folder.resolve("README.md")).exists();
    assertThat(run("db", "init", folder.toString()).err()).contains("never overwrites");

    assertThat(run("db", "new", "-m", "add teams").exitCode()).as("needs a folder").isEqualTo(2);
    CliRun created =
        CliRun.run(
            Map.of(
                "DATABASE_URL",
                env().get("DATABASE_URL"),
                "DATAMINGLE_MIGRATIONS",
                folder.toString()),
            "db",
            "new",
            "-m",
            "Add teams table!");
    assertThat(created.exitCode()).as(created.err()).isZero();
    try (var files = Files.list(folder.resolve("sqlite"))) {
      String name =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith("_add_teams_table.sql"))
              .findFirst()
              .orElseThrow();
      assertThat(folder.resolve("postgresql").resolve(name)).exists();
      assertThat(Files.readString(folder.resolve("sqlite").resolve(name))).contains("-- //@UNDO");
    }
  }

  @Test
  void aBackupWithoutAFileGoesToTheBackupFolder() throws Exception {
    run("db", "upgrade");

    var backup = run("db", "backup");

    String name =
        database.kind() == CliDatabase.Kind.SQLITE ? "db.sqlite.backup-" : "datamingle-backup-";
    assertThat(backup.out())
        .as(backup.err())
        .contains("Backup written to " + database.backupFolder().toAbsolutePath().resolve(name));
    try (var files = Files.list(database.backupFolder())) {
      assertThat(files.filter(f -> f.getFileName().toString().contains("backup")).count())
          .isEqualTo(1);
    }
  }
}
