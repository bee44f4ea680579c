package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.QueryRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * {@code db upgrade} on PostgreSQL while another session holds a lock on {@code users} (the
 * project's own table, made by its own scripts, with rows): the migration gives up on its
 * lock_timeout rather than queue every reader behind itself, names the blocking session, leaves the
 * changelog as it was, and succeeds once the lock is gone.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LockTimeoutUpgradeTest extends CliDatabaseTest {
  private static final String HOLDER_QUERY = "SELECT count(*) /* the holder */ FROM users";
  private static final String INSERT_C =
      "INSERT INTO users (id, workos_user_id, email, created_at, updated_at)"
          + " VALUES (gen_random_uuid(), 'user_c', 'c@example.com', now(), now())";
  @TempDir Path folder;
  private Map<String, String> env;

  LockTimeoutUpgradeTest() {
    super(CliDatabase.Kind.POSTGRESQL);
  }

  @BeforeEach
  void usersTable() throws Exception {
    Path scripts = folder.resolve("migrations");
    env = new HashMap<>(env());
    env.put("DATAMINGLE_MIGRATIONS", scripts.toString());
    ProjectScripts.copyTo(scripts);
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO users (id, workos_user_id, email, created_at, updated_at) VALUES"
              + " (gen_random_uuid(), 'user_a', 'a@example.com', now(), now()),"
              + " (gen_random_uuid(), 'user_b', 'b@example.com', now(), now())");
    }
    write("20261202000002_add_nickname.sql", "ALTER TABLE users ADD COLUMN nickname TEXT;");
  }

  @Test
  void aBlockedMigrationGivesUpNamesTheBlockerAndLetsAWaitingReaderThrough() throws Exception {
    try (Connection holder = connect()) {
      int holderPid = holdUsers(holder);
      CompletableFuture<CliRun> upgrade =
          CompletableFuture.supplyAsync(
              () ->
                  CliRun.run(env, "db", "upgrade", "--lock-timeout", "3s", "--lock-retries", "0"));
      int migrationPid = waitFor(() -> blockedBy(holderPid), upgrade);

      // a reader that comes now queues behind the migration's ACCESS EXCLUSIVE request
      Connection reader = connect();
      int readerPid = pid(reader);
      CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> countUsers(reader));
      waitFor(() -> blockedBy(migrationPid) == readerPid ? readerPid : 0, read);

      CliRun run = upgrade.get();
      assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
      assertThat(run.err())
          .contains("20261202000002_add_nickname.sql gave up waiting for a lock")
          .contains("lock_timeout 3000ms, SQLSTATE 55P03")
          .contains("the changelog does not record it")
          .contains("pid " + holderPid + " (idle in transaction")
          .contains("its last statement: \"" + HOLDER_QUERY + "\"")
          .contains("SELECT pg_terminate_backend(" + holderPid + ")")
          .contains("--lock-timeout");
      // the reader was answered while the holder still held its lock: it waited for the
      // migration's attempt, not for the holder
      assertThat(read.get()).isEqualTo(2L);
      assertThat(holder.isClosed()).isFalse();
      assertThat(changelogIds()).doesNotContain("20261202000002");
      assertThat(nicknameColumns()).isEmpty();
      reader.close();

      holder.rollback();
    }
    CliRun after = CliRun.run(env, "db", "upgrade", "--lock-timeout", "3s");
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(changelogIds()).contains("20261202000002");
    assertThat(nicknameColumns()).containsExactly("nickname");
  }

  @Test
  void aHolderThatLetsGoWhileTheMigrationPausesLetsTheRetrySucceed() throws Exception {
    CompletableFuture<CliRun> upgrade;
    try (Connection holder = connect()) {
      int holderPid = holdUsers(holder);
      upgrade =
          CompletableFuture.supplyAsync(
              () ->
                  CliRun.run(env, "db", "upgrade", "--lock-timeout", "1s", "--lock-retries", "5"));
      waitFor(() -> blockedBy(holderPid), upgrade);
      // the attempt gave up (nothing waits for the holder any more): let go during the pause
      waitFor(() -> blockedBy(holderPid) == 0 ? 1 : 0, upgrade);
      holder.rollback();
    }
    CliRun run = upgrade.get();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("it waited for a lock held by pid")
        .contains(HOLDER_QUERY)
        .contains("trying again in 1000 ms (retry 1 of 5)");
    assertThat(changelogIds()).contains("20261202000002");
    assertThat(nicknameColumns()).containsExactly("nickname");
  }

  @Test
  void aConcurrentIndexBehindAnOpenWriterGivesUpAndTheNextRunCleansUpAfterIt() throws Exception {
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    write(
        "20261202000003_index_email.sql",
        "-- datamingle:no-transaction\n"
            + "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);");
    try (Connection writer = connect()) {
      int writerPid = pid(writer);
      writer.setAutoCommit(false);
      try (Statement s = writer.createStatement()) {
        s.executeUpdate(INSERT_C);
      }
      CliRun run = CliRun.run(env, "db", "upgrade", "--lock-timeout", "1s", "--lock-retries", "0");
      assertThat(run.exitCode()).isEqualTo(1);
      String index = database.postgres().schema() + ".users_email_idx";
      assertThat(run.err())
          .contains("20261202000003_index_email.sql gave up waiting for a lock")
          .contains("pid " + writerPid + " (idle in transaction")
          .contains(INSERT_C)
          .contains("runs outside a transaction (-- datamingle:no-transaction)")
          .contains("it left the INVALID index " + index);
      assertThat(changelogIds()).doesNotContain("20261202000003");
      writer.rollback();
    }
    CliRun after = CliRun.run(env, "db", "upgrade");
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(after.out()).contains("dropped the INVALID index");
    assertThat(
            QueryRows.of(
                this::connect,
                "SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email_idx'::regclass"))
        .containsExactly("t");
    assertThat(changelogIds()).contains("20261202000003");
  }

  @Test
  void aStatementOverItsStatementTimeoutFailsWithoutRetryAndIsRolledBack() throws Exception {
    write(
        "20261202000003_slow.sql", "UPDATE users SET email = upper(email);\nSELECT pg_sleep(30);");
    Map<String, String> limited = new HashMap<>(env);
    limited.put("DATAMINGLE_STATEMENT_TIMEOUT", "300ms");
    CliRun run = CliRun.run(limited, "db", "upgrade");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("20261202000003_slow.sql failed and its changes were rolled back")
        .contains("canceling statement due to statement timeout")
        .contains("statement: SELECT pg_sleep(30)");
    assertThat(run.out()).doesNotContain("retry");
    assertThat(changelogIds()).contains("20261202000002").doesNotContain("20261202000003");
    assertThat(QueryRows.of(this::connect, "SELECT email FROM users ORDER BY email"))
        .containsExactly("a@example.com", "b@example.com");
  }

  @Test
  void aTimeoutThatIsNotADurationIsRefusedNamingTheFlagOrVariable() {
    CliRun flag = CliRun.run(env, "db", "upgrade", "--lock-timeout", "soon");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err()).contains("--lock-timeout is 'soon'; use a duration such as 500ms");

    Map<String, String> badRetries = new HashMap<>(env);
    badRetries.put("DATAMINGLE_LOCK_RETRIES", "-1");
    CliRun variable = CliRun.run(badRetries, "db", "upgrade");
    assertThat(variable.exitCode()).isEqualTo(2);
    assertThat(variable.err()).contains("DATAMINGLE_LOCK_RETRIES is '-1'");
    assertThat(changelogIds()).doesNotContain("20261202000002");
  }

  /** Opens a transaction on {@code holder} that keeps ACCESS SHARE on users; its pid. */
  private static int holdUsers(Connection holder) throws SQLException {
    int pid = pid(holder);
    holder.setAutoCommit(false);
    try (Statement s = holder.createStatement();
        ResultSet rs = s.executeQuery(HOLDER_QUERY)) {
      rs.next();
    }
    return pid;
  }

  private static long countUsers(Connection reader) {
    try (Statement s = reader.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * The pid of a session waiting for a lock on this test's users table behind {@code pid}; 0 when
   * none waits. (Only users: a CREATE INDEX CONCURRENTLY of another test on the same server waits
   * for every open transaction, the holder's too.)
   */
  private int blockedBy(int pid) {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                    + " WHERE NOT l.granted AND l.relation = 'users'::regclass AND "
                    + pid
                    + " = ANY (pg_blocking_pids(l.pid)) ORDER BY a.backend_start DESC LIMIT 1")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code probe} until it is non-zero; fails when {@code work} ends first. */
  private int waitFor(java.util.function.IntSupplier probe, CompletableFuture<?> work)
      throws Exception {
    while (true) {
      int value = probe.getAsInt();
      if (value != 0) {
        return value;
      }
      if (work.isDone()) {
        throw new AssertionError(
            "ended before the awaited state was seen: "
                + work.get()
                + "; sessions: "
                + QueryRows.of(
                    this::connect,
                    "SELECT pid, state, wait_event_type, pg_blocking_pids(pid), left(query, 60)"
                        + " FROM pg_stat_activity WHERE datname = current_database()"));
      }
      Thread.sleep(20);
    }
  }

  private List<String> changelogIds() {
    try {
      return QueryRows.of(this::connect, "SELECT id FROM changelog ORDER BY id");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> nicknameColumns() throws SQLException {
    return QueryRows.of(
        this::connect,
        "SELECT column_name FROM information_schema.columns WHERE table_schema ="
            + " current_schema() AND table_name = 'users' AND column_name = 'nickname'");
  }

  private void write(String name, String up) throws Exception {
    Path scripts = Path.of(env.get("DATAMINGLE_MIGRATIONS"));
    for (String d : new String[] {"sqlite", "postgresql"}) {
      Files.writeString(scripts.resolve(d).resolve(name), up + "\n\n-- //@UNDO\n");
    }
  }
}
