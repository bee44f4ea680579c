package com.datamingle.application.service;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.application.port.in.signin.ResolveSignInUseCase.Command;
import com.datamingle.application.port.in.signin.UnknownIdentity;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.application.testing.Race;
import com.datamingle.application.testing.TestApplication;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserDeactivated;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolveSignInServiceTest {
  private static final WorkOsUserId SUB = new WorkOsUserId("user_01HNEW");
  private final TestApplication app = new TestApplication();

  private User signIn(String session, IdentityProfile profile) {
    return app.services.resolveSignIn().resolveSignIn(new Command(SUB, session, profile));
  }

  private static IdentityProfile profile(String email, String first, String last) {
    return new IdentityProfile(
        new Email(email), PersonName.ofNullable(first), PersonName.ofNullable(last), null);
  }

  @Test
  void createsTheUserJustInTimeFromTheTokenClaims() {
    User user = signIn("session_1", profile("ada@example.com", "Ada", "Lovelace"));

    assertThat(user.workosUserId()).isEqualTo(SUB);
    assertThat(user.email().value()).isEqualTo("ada@example.com");
    assertThat(user.lastLoginAt()).isEqualTo(app.clock.instant());
    assertThat(app.users.count()).isEqualTo(1);
    assertThat(app.directory.calls()).isZero();
  }

  @Test
  void aTokenIssuedBeforeTheUsersLastChangeDoesNotUndoIt() {
    java.time.Instant issuedEarly = app.clock.instant();
    signIn(issuedEarly, "session_1", profile("ada@example.com", "Ada", null));
    app.clock.advance(Duration.ofMinutes(1));
    java.time.Instant issuedLater = app.clock.instant();
    User changed = signIn(issuedLater, "session_2", profile("ada@new.example.com", "Ada", null));
    assertThat(changed.email().value())
        .as("a newer token's claims apply")
        .isEqualTo("ada@new.example.com");
    app.clock.advance(Duration.ofMinutes(1));

    User again = signIn(issuedEarly, "session_1", profile("ada@example.com", "Ada", null));

    assertThat(again.email().value()).isEqualTo("ada@new.example.com");
    assertThat(app.users.findByWorkosUserId(SUB).orElseThrow().email().value())
        .isEqualTo("ada@new.example.com");
  }

  private User signIn(java.time.Instant issuedAt, String session, IdentityProfile profile) {
    return app.services.resolveSignIn().resolveSignIn(new Command(SUB, session, profile, issuedAt));
  }

  @Test
  void asksTheDirectoryWhenTheTokenCarriesNoProfile() {
    app.directory.with(SUB, profile("from-workos@example.com", "Grace", null));

    User user = signIn("session_1", null);

    assertThat(user.email().value()).isEqualTo("from-workos@example.com");
    assertThat(app.directory.calls()).isEqualTo(1);
  }

  @Test
  void createsNoRowWhenTheDirectoryIsDown() {
    app.directory.goDown();

    assertThatThrownBy(() -> signIn("session_1", null))
        .isInstanceOf(IdentityProviderUnavailable.class);
    assertThat(app.users.count()).isZero();
  }

  @Test
  void refusesAnIdentityTheDirectoryDoesNotKnow() {
    assertThatThrownBy(() -> signIn("session_1", null)).isInstanceOf(UnknownIdentity.class);
    assertThat(app.users.count()).isZero();
  }

  @Test
  void aKnownSessionWritesNothingAndDoesNotAskTheDirectory() {
    signIn("session_1", profile("ada@example.com", "Ada", null));
    int writes = app.users.writes();
    app.clock.advance(Duration.ofMinutes(5));

    User again = signIn("session_1", null);

    assertThat(app.users.writes()).isEqualTo(writes);
    assertThat(again.lastLoginAt()).isEqualTo(app.clock.instant().minus(Duration.ofMinutes(5)));
  }

  @Test
  void aNewSessionMovesLastLoginOnce() {
    signIn("session_1", profile("ada@example.com", null, null));
    app.clock.advance(Duration.ofHours(1));

    User second = signIn("session_2", null);
    int writes = app.users.writes();
    signIn("session_2", null);

    assertThat(second.lastLoginAt()).isEqualTo(app.clock.instant());
    assertThat(app.users.writes()).isEqualTo(writes);
  }

  @Test
  void refreshesEmailAndNamesWhenTheProviderSaysTheyChanged() {
    signIn("session_1", profile("old@example.com", "Ada", "Byron"));
    app.clock.advance(Duration.ofDays(1));

    User user = signIn("session_1", profile("new@example.com", "Ada", "Lovelace"));

    assertThat(user.email().value()).isEqualTo("new@example.com");
    assertThat(user.lastName().value()).isEqualTo("Lovelace");
    assertThat(user.updatedAt()).isEqualTo(app.clock.instant());
    assertThat(app.users.findByWorkosUserId(SUB).orElseThrow()).isEqualTo(user);
  }

  @Test
  void refusesADeactivatedUser() {
    app.users.insertIfAbsent(aUser().withWorkosUserId(SUB.value()).active(false).build());

    assertThatThrownBy(() -> signIn("session_9", null)).isInstanceOf(UserDeactivated.class);
  }

  @Test
  void concurrentFirstSignInsCreateExactlyOneUser() throws Exception {
    List<User> users =
        Race.run(16, n -> signIn("session_" + n, profile("ada@example.com", "Ada", null)));

    assertThat(app.users.count()).isEqualTo(1);
    assertThat(users).extracting(User::id).containsOnly(users.get(0).id());
  }
}
