package com.datamingle.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.port.in.signin.UnknownIdentity;
import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase.Outcome;
import com.datamingle.application.port.in.sync.PurgeDeletedUsersUseCase;
import com.datamingle.application.port.in.sync.SyncWorkOsEventsUseCase;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.application.testing.TestApplication;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserDeactivated;
import com.datamingle.domain.user.WorkOsUserEvent;
import com.datamingle.domain.user.WorkOsUserEvent.Kind;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkOsSyncServicesTest {
  static final WorkOsUserId SUB = new WorkOsUserId("user_01SYNC");
  static final Instant T1 = Instant.parse("2026-05-01T10:00:00Z");
  private final TestApplication app = new TestApplication();
  private int nextEvent;

  WorkOsUserEvent event(Kind kind, String email, String firstName, Instant updatedAt) {
    return event("event_" + (++nextEvent), kind, email, firstName, updatedAt);
  }

  static WorkOsUserEvent event(
      String id, Kind kind, String email, String firstName, Instant updatedAt) {
    return new WorkOsUserEvent(
        id,
        kind,
        SUB,
        new IdentityProfile(new Email(email), PersonName.ofNullable(firstName), null, null),
        updatedAt,
        updatedAt);
  }

  Outcome apply(WorkOsUserEvent event) {
    return app.services.applyWorkOsEvent().apply(event);
  }

  Optional<User> local() {
    return app.users.findByWorkosUserId(SUB);
  }

  @Test
  void createdThenUpdatedCreatesAndUpdatesTheUser() {
    assertThat(apply(event(Kind.CREATED, "ada@example.com", "Ada", T1))).isEqualTo(Outcome.APPLIED);
    assertThat(local())
        .get()
        .satisfies(
            u -> {
              assertThat(u.email().value()).isEqualTo("ada@example.com");
              assertThat(u.active()).isTrue();
              assertThat(u.lastLoginAt()).as("a sync is not a sign-in").isNull();
            });

    assertThat(apply(event(Kind.UPDATED, "ada@new.example.com", "Augusta", T1.plusSeconds(5))))
        .isEqualTo(Outcome.APPLIED);
    assertThat(local())
        .get()
        .satisfies(
            u -> {
              assertThat(u.email().value()).isEqualTo("ada@new.example.com");
              assertThat(u.firstName().value()).isEqualTo("Augusta");
            });
    assertThat(app.users.count()).isEqualTo(1);
  }

  @Test
  void anUpdateOfAUserNeverSeenCreatesThem() {
    assertThat(apply(event(Kind.UPDATED, "late@example.com", null, T1))).isEqualTo(Outcome.APPLIED);
    assertThat(local()).get().extracting(u -> u.email().value()).isEqualTo("late@example.com");
  }

  @Test
  void aRepeatedEventIdChangesNothing() {
    WorkOsUserEvent created = event(Kind.CREATED, "ada@example.com", "Ada", T1);
    apply(created);
    int writes = app.users.writes();

    assertThat(apply(created)).isEqualTo(Outcome.DUPLICATE);
    assertThat(app.users.writes()).isEqualTo(writes);
  }

  @Test
  void anEventOlderThanTheDataHeldChangesNothing() {
    WorkOsUserEvent older = event(Kind.UPDATED, "old@example.com", "Old", T1);
    WorkOsUserEvent newer = event(Kind.UPDATED, "new@example.com", "New", T1.plusSeconds(60));

    assertThat(apply(newer)).isEqualTo(Outcome.APPLIED);
    assertThat(apply(older)).isEqualTo(Outcome.STALE);

    assertThat(local()).get().extracting(u -> u.email().value()).isEqualTo("new@example.com");
  }

  @Test
  void deletionDeactivatesTheUserKeepsTheRowAndIsFinal() {
    apply(event(Kind.CREATED, "ada@example.com", "Ada", T1));
    Instant deletedAt = T1.plusSeconds(120);

    assertThat(
            apply(
                new WorkOsUserEvent(
                    "event_del",
                    Kind.DELETED,
                    SUB,
                    new IdentityProfile(new Email("ada@example.com"), null, null, null),
                    T1.plusSeconds(60),
                    deletedAt)))
        .isEqualTo(Outcome.APPLIED);

    assertThat(local()).get().extracting(User::active).isEqualTo(false);
    assertThat(app.sync.findState(SUB))
        .get()
        .satisfies(s -> assertThat(s.deletedAt()).isEqualTo(deletedAt));
    assertThat(apply(event(Kind.UPDATED, "back@example.com", null, T1.plusSeconds(3600))))
        .isEqualTo(Outcome.STALE);
    assertThat(local()).get().extracting(User::active).isEqualTo(false);
  }

  @Test
  void aDeletionBeforeTheCreationStillWins() {
    assertThat(apply(event(Kind.DELETED, "ada@example.com", null, T1.plusSeconds(10))))
        .isEqualTo(Outcome.APPLIED);
    assertThat(apply(event(Kind.CREATED, "ada@example.com", "Ada", T1))).isEqualTo(Outcome.STALE);

    assertThat(local()).isEmpty();
    assertThatThrownBy(
            () ->
                app.services
                    .resolveSignIn()
                    .resolveSignIn(
                        new ResolveSignInUseCase.Command(
                            SUB,
                            "s1",
                            new IdentityProfile(new Email("ada@example.com"), null, null, null))))
        .isInstanceOf(UnknownIdentity.class)
        .hasMessageContaining("deleted");
    assertThat(app.users.count()).isZero();
  }

  @Test
  void aDeletedUserCannotSignInWithAnOldToken() {
    apply(event(Kind.CREATED, "ada@example.com", "Ada", T1));
    apply(event(Kind.DELETED, "ada@example.com", "Ada", T1.plusSeconds(1)));

    assertThatThrownBy(
            () ->
                app.services
                    .resolveSignIn()
                    .resolveSignIn(new ResolveSignInUseCase.Command(SUB, "s1", null)))
        .isInstanceOf(UserDeactivated.class);
  }

  @Test
  void aFailureLeavesNeitherTheEventIdNorTheUser() {
    app.users.failNextWrite();
    WorkOsUserEvent created = event(Kind.CREATED, "ada@example.com", "Ada", T1);

    assertThatThrownBy(() -> apply(created)).isInstanceOf(IllegalStateException.class);
    assertThat(app.sync.eventCount()).isZero();

    assertThat(apply(created)).as("a redelivery is applied").isEqualTo(Outcome.APPLIED);
  }

  @Test
  void pollingAppliesEachEventOnceAndResumesFromTheCursor() {
    app.feed
        .add(
            new WorkOsEventFeed.Entry(
                "event_1", event("event_1", Kind.CREATED, "ada@example.com", "Ada", T1)))
        .add(new WorkOsEventFeed.Entry("event_2", null))
        .add(
            new WorkOsEventFeed.Entry(
                "event_3",
                event("event_3", Kind.UPDATED, "ada@new.example.com", "Ada", T1.plusSeconds(9))));
    apply(
        event(
            "event_3",
            Kind.UPDATED,
            "ada@new.example.com",
            "Ada",
            T1.plusSeconds(9))); // a webhook was faster

    SyncWorkOsEventsUseCase.Report first = app.services.syncWorkOsEvents().syncOnce(2, false);

    assertThat(first).isEqualTo(new SyncWorkOsEventsUseCase.Report(3, 0, 1, 1, 1, "event_3"));
    assertThat(app.feed.askedAfter()).containsExactly(null, "event_2");

    app.feed.add(
        new WorkOsEventFeed.Entry(
            "event_4",
            event("event_4", Kind.UPDATED, "ada@third.example.com", "Ada", T1.plusSeconds(20))));
    SyncWorkOsEventsUseCase.Report second = app.services.syncWorkOsEvents().syncOnce(100, false);

    assertThat(second).isEqualTo(new SyncWorkOsEventsUseCase.Report(1, 1, 0, 0, 0, "event_4"));
    assertThat(local()).get().extracting(u -> u.email().value()).isEqualTo("ada@third.example.com");
    assertThat(app.services.syncWorkOsEvents().syncOnce(100, false))
        .isEqualTo(new SyncWorkOsEventsUseCase.Report(0, 0, 0, 0, 0, "event_4"));
    assertThat(app.services.syncWorkOsEvents().syncOnce(100, true))
        .as("from the start, everything is a repeat")
        .isEqualTo(new SyncWorkOsEventsUseCase.Report(4, 0, 3, 0, 1, "event_4"));
  }

  @Test
  void purgeRemovesOnlyUsersDeletedBeforeTheCutoffAndOldEventIds() {
    apply(event(Kind.CREATED, "ada@example.com", "Ada", T1));
    apply(event(Kind.DELETED, "ada@example.com", "Ada", T1.plusSeconds(1)));
    app.clock.advance(Duration.ofDays(40));
    Instant cutoff = T1.plusSeconds(1).plus(Duration.ofDays(30));

    PurgeDeletedUsersUseCase.Result preview =
        app.services
            .purgeDeletedUsers()
            .purge(
                new PurgeDeletedUsersUseCase.Command(
                    cutoff, app.clock.instant().minus(Duration.ofDays(30)), true));
    assertThat(preview.users()).extracting(User::workosUserId).containsExactly(SUB);
    assertThat(preview.events()).isEqualTo(2);
    assertThat(app.users.count()).isEqualTo(1);

    PurgeDeletedUsersUseCase.Result done =
        app.services
            .purgeDeletedUsers()
            .purge(
                new PurgeDeletedUsersUseCase.Command(
                    cutoff, app.clock.instant().minus(Duration.ofDays(30)), false));
    assertThat(done.users()).hasSize(1);
    assertThat(app.users.count()).isZero();
    assertThat(app.sync.eventCount()).isZero();

    assertThat(apply(event(Kind.UPDATED, "ada@example.com", "Ada", T1.plusSeconds(5))))
        .as("a late event does not bring a purged user back")
        .isEqualTo(Outcome.STALE);
    assertThat(app.users.count()).isZero();
  }
}
