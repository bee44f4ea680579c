package com.datamingle.adapter.cli.command;

import static com.datamingle.adapter.web.testing.FakeWorkOs.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * `users sync` against a local fake of WorkOS's Events API, and `users purge`, on each database.
 */
@OnEachDatabase
class UsersSyncTest extends CliWorkOsTest {
  static final Instant T1 = Instant.parse("2026-05-01T10:00:00Z");

  UsersSyncTest(CliDatabase.Kind kind) {
    super(kind);
  }

  @Override
  Map<String, String> env() {
    return withApiKey(super.env());
  }

  String query(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  void event(String id, String type, String user, String email, Instant updatedAt) {
    workos.addEvent(id, type, userEvent(id, type, user, email, null, updatedAt));
  }

  @Test
  void syncAppliesEachEventOnceResumesFromTheCursorAndKeepsTheNewestData() throws SQLException {
    assertThat(run("db", "upgrade").exitCode()).isZero();
    event("event_01", "user.created", "user_01A", "a@example.com", T1);
    event("event_02", "user.created", "user_01B", "b@example.com", T1);
    event("event_03", "user.updated", "user_01A", "a2@example.com", T1.plusSeconds(60));
    workos.addEvent(
        "event_04",
        "session.created",
        "{\"object\":\"event\",\"id\":\"event_04\",\"event\":\"session.created\",\"data\":{}}");

    CliRun first = run("users", "sync", "--page-size", "2");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("3 read (3 applied, 0 duplicate, 0 stale, 0 ignored); cursor event_03");
    assertThat(workos.eventRequests()).hasSize(2);
    assertThat(query("SELECT email FROM users WHERE workos_user_id = 'user_01A'"))
        .isEqualTo("a2@example.com");
    assertThat(query("SELECT last_event_id FROM sync_cursors WHERE name = 'workos_events'"))
        .isEqualTo("event_03");

    event("event_05", "user.updated", "user_01B", "b-old@example.com", T1.minusSeconds(60));
    event("event_06", "user.deleted", "user_01B", "b@example.com", T1.plusSeconds(120));
    CliRun second = run("users", "sync", "--json");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out())
        .contains("\"events\":2")
        .contains("\"applied\":1")
        .contains("\"stale\":1")
        .contains("\"cursor\":\"event_06\"");
    assertThat(workos.eventRequests().get(2)).containsEntry("after", "event_03");
    assertThat(query("SELECT email FROM users WHERE workos_user_id = 'user_01B'"))
        .isEqualTo("b@example.com");
    assertThat(query("SELECT count(*) FROM users WHERE is_active = FALSE")).isEqualTo("1");
    assertThat(run("users", "sync").out()).contains("0 read").contains("cursor event_06");

    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("UPDATE sync_cursors SET last_event_id = 'event_expired'");
    }
    CliRun expired = run("users", "sync");
    assertThat(expired.exitCode()).isEqualTo(1);
    assertThat(expired.err()).contains("event_expired").contains("users sync --from-start");
    CliRun fromStart = run("users", "sync", "--from-start");
    assertThat(fromStart.exitCode()).as(fromStart.err()).isZero();
    assertThat(fromStart.out())
        .contains("5 read (0 applied, 5 duplicate, 0 stale, 0 ignored); cursor event_06");
  }

  @Test
  void withoutAnApiKeyOrWithAWrongOneSyncSaysWhatToSetAndChangesNothing() throws SQLException {
    assertThat(run("db", "upgrade").exitCode()).isZero();
    event("event_01", "user.created", "user_01A", "a@example.com", T1);

    Map<String, String> noKey = new HashMap<>(env());
    noKey.remove("WORKOS_API_KEY");
    CliRun missing = CliRun.run(noKey, "users", "sync");
    Map<String, String> wrongKey = new HashMap<>(env());
    wrongKey.put("WORKOS_API_KEY", "sk_wrong");
    CliRun refused = CliRun.run(wrongKey, "users", "sync");

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("WORKOS_API_KEY");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("refused the API key")
        .contains("WORKOS_API_KEY")
        .doesNotContain("sk_wrong");
    assertThat(query("SELECT count(*) FROM users")).isEqualTo("0");
    assertThat(run("users", "sync", "--page-size", "500").exitCode()).isEqualTo(2);
  }

  @Test
  void purgeRemovesOnlyUsersDeletedLongAgoAfterAskingAndKeepsThemGone() throws SQLException {
    assertThat(run("db", "upgrade").exitCode()).isZero();
    Instant longAgo = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    event("event_01", "user.created", "user_01OLD", "old@example.com", longAgo);
    event("event_02", "user.deleted", "user_01OLD", "old@example.com", longAgo.plusSeconds(1));
    event("event_03", "user.created", "user_01NEW", "new@example.com", longAgo);
    event(
        "event_04",
        "user.deleted",
        "user_01NEW",
        "new@example.com",
        Instant.now().minus(1, ChronoUnit.DAYS));
    assertThat(run("users", "sync").exitCode()).isZero();

    CliRun dryRun = run("users", "purge", "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(dryRun.out())
        .contains("old@example.com")
        .doesNotContain("new@example.com")
        .contains("Would remove 1 user(s)");
    CliRun unasked = run("users", "purge");
    assertThat(unasked.exitCode()).isEqualTo(2);
    assertThat(unasked.err()).contains("--yes");
    assertThat(query("SELECT count(*) FROM users")).isEqualTo("2");

    CliRun purged = run("users", "purge", "--yes");
    assertThat(purged.exitCode()).as(purged.err()).isZero();
    assertThat(purged.out()).contains("Removed 1 user(s)");
    assertThat(query("SELECT count(*) FROM users")).isEqualTo("1");
    assertThat(query("SELECT count(*) FROM users WHERE workos_user_id = 'user_01NEW'"))
        .isEqualTo("1");

    event("event_05", "user.updated", "user_01OLD", "old@example.com", Instant.now());
    assertThat(run("users", "sync").out()).contains("1 stale");
    assertThat(query("SELECT count(*) FROM users WHERE workos_user_id = 'user_01OLD'"))
        .isEqualTo("0");
  }
}
