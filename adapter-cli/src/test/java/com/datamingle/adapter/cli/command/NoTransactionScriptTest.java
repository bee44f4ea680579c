package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.QueryRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts marked {@code -- datamingle:no-transaction}: on PostgreSQL they run outside a transaction
 * ({@code CREATE INDEX CONCURRENTLY}) while the migration lock is held, once under concurrent
 * upgrades; an INVALID index a failed run leaves is reported and dropped by the next run. SQLite
 * accepts the marker and runs the script as any other.
 */
@OnEachDatabase
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NoTransactionScriptTest extends CliDatabaseTest {
  private static final String MARKER = "-- datamingle:no-transaction\n";
  @TempDir Path folder;
  private Map<String, String> env;

  NoTransactionScriptTest(CliDatabase.Kind kind) {
    super(kind);
  }

  private boolean postgres() {
    return database.kind() == CliDatabase.Kind.POSTGRESQL;
  }

  @BeforeEach
  void usersWithRows() throws Exception {
    Path scripts = folder.resolve("migrations");
    env = new HashMap<>(env());
    env.put("DATAMINGLE_MIGRATIONS", scripts.toString());
    assertThat(CliRun.run(env, "db", "init", scripts.toString()).exitCode()).isZero();
    String rows =
        postgres()
            ? "INSERT INTO users SELECT n, 'u' || n || '@example.com'"
                + " FROM generate_series(1, 100000) n;"
            : "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100000)"
                + " INSERT INTO users SELECT n, 'u' || n || '@example.com' FROM s;";
    write(
        "20261201000001_create_users.sql",
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\n" + rows,
        "DROP TABLE users;");
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
  }

  @Test
  void aMarkedScriptIsAppliedOnceUnderConcurrentUpgradesAndUndoneTheSameWay() throws Exception {
    write(
        "20261201000002_index_email.sql",
        MARKER + "CREATE INDEX " + concurrently() + "users_email_idx ON users (email);",
        MARKER + "DROP INDEX " + concurrently() + "users_email_idx;");

    List<CompletableFuture<CliRun>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> CliRun.run(env, "db", "upgrade")));
    }
    int applied = 0;
    for (CompletableFuture<CliRun> f : runs) {
      CliRun run = f.get();
      assertThat(run.exitCode()).as(run.err()).isZero();
      applied += run.out().contains("Applying 20261201000002 index email") ? 1 : 0;
    }
    assertThat(applied).isEqualTo(1);
    assertThat(changelogIds()).containsOnlyOnce("20261201000002").endsWith("20261201000002");
    assertThat(indexes()).containsExactly("users_email_idx|" + (postgres() ? "t" : "valid"));

    CliRun down = CliRun.run(env, "db", "downgrade", "--no-backup");
    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(indexes()).isEmpty();
    assertThat(changelogIds()).doesNotContain("20261201000002");
  }

  @Test
  void aFailedUniqueIndexIsReportedAndTheNextRunAfterTheDataIsFixedSucceeds() throws Exception {
    try (var c = connect();
        var s = c.createStatement()) {
      s.executeUpdate("UPDATE users SET email = 'same@example.com' WHERE id IN (7, 8)");
    }
    write(
        "20261201000002_unique_email.sql",
        MARKER
            + "CREATE UNIQUE INDEX "
            + concurrently()
            + (postgres() ? "IF NOT EXISTS " : "")
            + "users_email_key ON users (email);",
        MARKER + "DROP INDEX " + concurrently() + "users_email_key;");

    CliRun failed = CliRun.run(env, "db", "upgrade");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains("migration 20261201000002_unique_email.sql");
    assertThat(changelogIds()).doesNotContain("20261201000002");
    if (postgres()) {
      String index = database.postgres().schema() + ".users_email_key";
      assertThat(failed.err())
          .contains("runs outside a transaction (-- datamingle:no-transaction)")
          .contains("it left the INVALID index " + index + " (pg_index.indisvalid = false)")
          .contains("DROP INDEX CONCURRENTLY IF EXISTS " + index);
      assertThat(indexes()).containsExactly("users_email_key|f");
    } else {
      assertThat(failed.err()).contains("failed and its changes were rolled back");
      assertThat(indexes()).isEmpty();
    }

    try (var c = connect();
        var s = c.createStatement()) {
      s.executeUpdate("UPDATE users SET email = 'u8@example.com' WHERE id = 8");
    }
    CliRun fixed = CliRun.run(env, "db", "upgrade");
    assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    if (postgres()) {
      assertThat(fixed.out())
          .contains(
              "dropped the INVALID index " + database.postgres().schema() + ".users_email_key");
    }
    assertThat(indexes()).containsExactly("users_email_key|" + (postgres() ? "t" : "valid"));
    assertThat(changelogIds()).contains("20261201000002");
  }

  @Test
  void theSafeNotNullStepsAutogenWritesApplyStatementByStatement() throws Exception {
    try (var c = connect();
        var s = c.createStatement()) {
      s.executeUpdate("UPDATE users SET email = NULL WHERE id <= 12000");
    }
    write(
        "20261201000002_email_default.sql",
        postgres() ? "ALTER TABLE users ALTER COLUMN email SET DEFAULT 'none';" : "SELECT 1;",
        postgres() ? "ALTER TABLE users ALTER COLUMN email DROP DEFAULT;" : "SELECT 1;");
    String steps =
        postgres()
            // as autogen writes them: a backfill committing each batch, then the NOT NULL that
            // a validated check lets skip its scan
            ? "DO $$ DECLARE n bigint; BEGIN LOOP UPDATE users SET email = DEFAULT WHERE ctid IN"
                + " (SELECT ctid FROM users WHERE email IS NULL LIMIT 5000); GET DIAGNOSTICS n ="
                + " ROW_COUNT; COMMIT; EXIT WHEN n = 0; END LOOP; END $$;\n"
                + "ALTER TABLE users ADD CONSTRAINT ck_email_not_null CHECK (email IS NOT NULL)"
                + " NOT VALID;\n"
                + "ALTER TABLE users VALIDATE CONSTRAINT ck_email_not_null;\n"
                + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                + "ALTER TABLE users DROP CONSTRAINT ck_email_not_null;"
            : "UPDATE users SET email = 'none' WHERE email IS NULL;";
    write(
        "20261201000003_email_default_outside_a_transaction.sql",
        MARKER + steps,
        MARKER
            + (postgres() ? "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;" : "SELECT 1;"));

    CliRun run = CliRun.run(env, "db", "upgrade");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(QueryRows.of(this::connect, "SELECT count(*) FROM users WHERE email = 'none'"))
        .containsExactly("12000");
    assertThat(changelogIds()).endsWith("20261201000002", "20261201000003");
    if (postgres()) {
      assertThat(
              QueryRows.of(
                  this::connect,
                  "SELECT is_nullable FROM information_schema.columns WHERE table_schema ="
                      + " current_schema() AND table_name = 'users' AND column_name = 'email'"))
          .containsExactly("NO");
    }
  }

  private String concurrently() {
    return postgres() ? "CONCURRENTLY " : "";
  }

  /** The indexes on users other than its key, each with whether it is valid. */
  private List<String> indexes() throws SQLException {
    return QueryRows.of(
        this::connect,
        postgres()
            ? "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid ="
                + " i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname ="
                + " current_schema() AND c.relname LIKE 'users_email%' ORDER BY 1"
            : "SELECT name, 'valid' FROM sqlite_master WHERE type = 'index' AND name LIKE"
                + " 'users_email%' ORDER BY 1");
  }

  private List<String> changelogIds() throws SQLException {
    return QueryRows.of(this::connect, "SELECT id FROM changelog ORDER BY id");
  }

  private void write(String name, String up, String undo) throws Exception {
    Path scripts = Path.of(env.get("DATAMINGLE_MIGRATIONS"));
    Files.writeString(
        scripts.resolve(database.dialect()).resolve(name), up + "\n\n-- //@UNDO\n" + undo + "\n");
  }
}
