package com.datamingle.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.port.in.signin.TokenRevoked;
import com.datamingle.application.port.in.signout.SignOutUserUseCase;
import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase.Outcome;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.application.testing.TestApplication;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsSessionRevoked;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Sign-out and session revocation: which tokens the sign-in check refuses afterwards. */
class SignOutAndRevocationTest {
  static final WorkOsUserId SUB = new WorkOsUserId("user_01SIGNOUT");
  private final TestApplication app = new TestApplication();

  User signIn(String session, Instant issuedAt) {
    return app.services
        .resolveSignIn()
        .resolveSignIn(
            new ResolveSignInUseCase.Command(
                SUB,
                session,
                new IdentityProfile(new Email("out@example.com"), null, null, null),
                issuedAt));
  }

  @Test
  void signOutRefusesTokensIssuedUpToItsSecondAndAcceptsLaterOnes() {
    Instant issued = app.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    User user = signIn("session_01A", issued);
    app.clock.advance(Duration.ofMillis(1_500));

    SignOutUserUseCase.Result result =
        app.services.signOutUser().signOut(new UserReference.ById(user.id()));

    assertThat(result.user().id()).isEqualTo(user.id());
    assertThat(result.providerSessionsRevoked()).isZero();
    assertThat(result.providerFailure()).isNull();
    assertThatThrownBy(() -> signIn("session_01A", issued)).isInstanceOf(TokenRevoked.class);
    // a token of the sign-out's own second is refused too (iat has whole seconds)
    Instant sameSecond = result.signedOutAt().truncatedTo(ChronoUnit.SECONDS);
    assertThatThrownBy(() -> signIn("session_01B", sameSecond)).isInstanceOf(TokenRevoked.class);
    assertThat(signIn("session_01B", sameSecond.plusSeconds(1)).id()).isEqualTo(user.id());
  }

  @Test
  void signOutRevokesTheProviderSessionsAndReportsAFailureWithoutUndoingTheSignOut() {
    User user = signIn("session_01A", app.clock.instant());
    app.providerSessions.session(SUB, "session_01A").session(SUB, "session_01B");

    var result = app.services.signOutUser().signOut(new UserReference.ById(user.id()));
    assertThat(result.providerSessionsRevoked()).isEqualTo(2);
    assertThat(app.providerSessions.revoked).containsExactly("session_01A", "session_01B");

    app.providerSessions.down = true;
    app.clock.advance(Duration.ofSeconds(5));
    var failed = app.services.signOutUser().signOut(new UserReference.ById(user.id()));
    assertThat(failed.providerFailure()).contains("503");
    assertThat(app.revocations.signedOutAt(SUB)).isEqualTo(failed.signedOutAt());
  }

  @Test
  void sessionRevokedRefusesThatSessionOnlyOnceEvenWhenDeliveredTwice() {
    signIn("session_01A", app.clock.instant());
    WorkOsSessionRevoked revoked =
        new WorkOsSessionRevoked("event_01REV", "session_01A", SUB, app.clock.instant());

    assertThat(app.services.applyWorkOsEvent().apply(revoked)).isEqualTo(Outcome.APPLIED);
    assertThat(app.services.applyWorkOsEvent().apply(revoked)).isEqualTo(Outcome.DUPLICATE);

    assertThatThrownBy(() -> signIn("session_01A", app.clock.instant()))
        .isInstanceOf(TokenRevoked.class);
    assertThat(signIn("session_01B", app.clock.instant()).workosUserId()).isEqualTo(SUB);
  }

  @Test
  void thePollerAppliesSessionRevokedEvents() {
    app.feed.add(
        new WorkOsEventFeed.Entry(
            "event_01POLL",
            null,
            new WorkOsSessionRevoked("event_01POLL", "session_01P", SUB, app.clock.instant())));
    var report = app.services.syncWorkOsEvents().syncOnce(10, false);
    assertThat(report.applied()).isEqualTo(1);
    assertThat(app.revocations.sessionRevoked("session_01P")).isTrue();
  }

  @Test
  void aRevocationIsRememberedForTheLongestTokenLifetimeAndTheSkew() {
    Instant at = Instant.parse("2026-05-01T10:00:00Z");
    assertThat(com.datamingle.application.port.out.TokenRevocations.rememberUntil(at))
        .isEqualTo(at.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
  }
}
