package com.datamingle.adapter.web.client.workos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** WorkOS's sessions API as the fake serves it: list a user's sessions, revoke one. */
class WorkOsSessionsTest {
  static final WorkOsUserId USER = new WorkOsUserId("user_01SESSIONS");

  @Test
  void listsTheUsersActiveSessionsAndRevokesThem() throws Exception {
    try (FakeWorkOs workos = new FakeWorkOs()) {
      workos.session(USER.value(), "session_01A").session(USER.value(), "session_01B");
      WorkOsSessions sessions =
          new WorkOsSessions(workos.baseUrl(), FakeWorkOs.API_KEY, Duration.ofSeconds(2));

      assertThat(sessions.activeSessions(USER)).containsExactly("session_01A", "session_01B");
      sessions.revoke("session_01A");

      assertThat(workos.revokedSessions()).containsExactly("session_01A");
      assertThat(sessions.activeSessions(USER)).containsExactly("session_01B");
      assertThat(sessions.activeSessions(new WorkOsUserId("user_01NOBODY"))).isEmpty();
    }
  }

  @Test
  void aRefusedKeyOrADownApiIsReportedWithoutTheKey() throws Exception {
    try (FakeWorkOs workos = new FakeWorkOs()) {
      WorkOsSessions wrongKey =
          new WorkOsSessions(workos.baseUrl(), "sk_test_wrong", Duration.ofSeconds(2));
      assertThatThrownBy(() -> wrongKey.activeSessions(USER))
          .isInstanceOf(IdentityProviderUnavailable.class)
          .hasMessageContaining("WORKOS_API_KEY")
          .hasMessageNotContaining("sk_test_wrong");

      workos.sessionsDown(true);
      WorkOsSessions sessions =
          new WorkOsSessions(workos.baseUrl(), FakeWorkOs.API_KEY, Duration.ofSeconds(2));
      assertThatThrownBy(() -> sessions.revoke("session_01A"))
          .isInstanceOf(IdentityProviderUnavailable.class);
    }
  }
}
