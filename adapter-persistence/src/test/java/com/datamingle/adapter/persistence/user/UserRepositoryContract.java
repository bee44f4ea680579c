package com.datamingle.adapter.persistence.user;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase;
import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.application.service.ApplicationServices;
import com.datamingle.application.testing.FakeIdentityProviderDirectory;
import com.datamingle.application.testing.FakeWorkOsEventFeed;
import com.datamingle.application.testing.InMemoryTokenRevocations;
import com.datamingle.application.testing.MutableClock;
import com.datamingle.application.testing.Race;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.LastActiveAdmin;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.TimeZonePreference;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserFixtures;
import com.datamingle.domain.user.WorkOsSyncState;
import com.datamingle.domain.user.WorkOsUserEvent;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} must do, run against the in-memory fake, SQLite and PostgreSQL;
 * the last tests drive the real application services over the adapter.
 */
public abstract class UserRepositoryContract {
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:15:30.123Z"));

  protected abstract UserRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract IdGenerator ids();

  protected abstract WorkOsSyncStore syncStore();

  /** The number of rows in users, counted without going through the repository. */
  protected abstract int rowCount();

  private User stored(UserFixtures.Builder builder) {
    User user = builder.withId(ids().newUserId()).build();
    assertThat(repository().insertIfAbsent(user)).isTrue();
    return user;
  }

  @Test
  void storesAndFindsAUserWithEveryField() {
    User user =
        stored(
            aUser()
                .withEmail("ada@example.com")
                .withFirstName("Ada")
                .withLastName("Lovelace")
                .withPicture("https://img.example.com/ada.png")
                .withTimezone("Europe/London")
                .withLanguage("en-GB")
                .admin(true)
                .createdAt(Instant.parse("2026-02-03T04:05:06.789Z"))
                .lastLogin(Instant.parse("2026-02-04T00:00:00.001Z"), "session_01A"));

    assertThat(repository().findById(user.id())).contains(user);
    assertThat(repository().findByWorkosUserId(user.workosUserId())).contains(user);
    assertThat(repository().findByEmail(new Email("ADA@example.com"))).containsExactly(user);
    assertThat(rowCount()).isEqualTo(1);
  }

  @Test
  void storesOptionalFieldsAsAbsent() {
    User user = stored(aUser().withFirstName(null).withLastName(null).withPicture(null));

    User found = repository().findById(user.id()).orElseThrow();

    assertThat(found.firstName()).isNull();
    assertThat(found.profilePictureUrl()).isNull();
    assertThat(found.lastLoginAt()).isNull();
  }

  @Test
  void findsNothingForUnknownKeys() {
    assertThat(repository().findById(UserFixtures.nextUserId())).isEmpty();
    assertThat(repository().findByWorkosUserId(new WorkOsUserId("user_01NOBODY"))).isEmpty();
    assertThat(repository().findByEmail(new Email("nobody@example.com"))).isEmpty();
  }

  @Test
  void insertIfAbsentKeepsTheFirstRowForAWorkosId() {
    User first = stored(aUser().withWorkosUserId("user_01SAME").withEmail("first@example.com"));

    boolean inserted =
        repository()
            .insertIfAbsent(
                aUser()
                    .withId(ids().newUserId())
                    .withWorkosUserId("user_01SAME")
                    .withEmail("second@example.com")
                    .build());

    assertThat(inserted).isFalse();
    assertThat(repository().findByWorkosUserId(new WorkOsUserId("user_01SAME"))).contains(first);
    assertThat(rowCount()).isEqualTo(1);
  }

  @Test
  void updateWritesEveryMutableField() {
    User user = stored(aUser());
    Instant later = Instant.parse("2026-05-05T05:05:05.555Z");

    User changed =
        user.withProfile(
                ProfileUpdate.nothing()
                    .withFirstName(new PersonName("Grace"))
                    .withTimezone(TimeZonePreference.parse("America/New_York")),
                later)
            .syncedWith(
                new IdentityProfile(new Email("grace@example.com"), null, null, null), later)
            .withAdmin(true, later)
            .withActive(false, later)
            .signedIn("session_02", later);
    repository().update(changed);

    assertThat(repository().findById(user.id())).contains(changed);
  }

  @Test
  void updateIfUnchangedWritesOverTheExpectedUserAndNotOverAnOlderOne() {
    User user = stored(aUser());
    // nanoseconds, as the clock gives them and a cache remembers them: the database keeps less
    Instant later = Instant.parse("2026-05-05T05:05:05.555123456Z");
    User edited = firstNamed(user, "Grace", later);

    assertThat(repository().updateIfUnchanged(user, edited)).isTrue();
    assertThat(storedNow(user).firstName().value()).isEqualTo("Grace");

    User overOld = lastNamed(user, "Hopper", later.plusSeconds(1));
    assertThat(repository().updateIfUnchanged(user, overOld)).as("the basis is stale").isFalse();
    assertThat(storedNow(user).lastName().value()).isEqualTo("Lovelace");

    User again = lastNamed(edited, "Hopper", later.plusSeconds(2));
    assertThat(repository().updateIfUnchanged(edited, again))
        .as("the basis as written, nanoseconds and all")
        .isTrue();
    assertThat(storedNow(user))
        .satisfies(
            u -> {
              assertThat(u.firstName().value()).isEqualTo("Grace");
              assertThat(u.lastName().value()).isEqualTo("Hopper");
            });
  }

  @Test
  void updateIfUnchangedComparesEveryFieldNullsIncluded() {
    User user = stored(aUser().withPicture(null).withLastName(null));
    Instant later = Instant.parse("2026-05-05T05:05:05Z");
    User signedInElsewhere = user.signedIn("session_09", later);
    repository().update(signedInElsewhere);

    assertThat(
            repository().updateIfUnchanged(user, firstNamed(user, "Grace", later.plusSeconds(1))))
        .as("a field the edit did not touch changed")
        .isFalse();
    assertThat(repository().findById(user.id())).contains(signedInElsewhere);

    assertThat(
            repository()
                .updateIfUnchanged(
                    signedInElsewhere,
                    firstNamed(signedInElsewhere, "Grace", later.plusSeconds(2))))
        .as("absent fields compare equal")
        .isTrue();
    assertThat(storedNow(user))
        .satisfies(
            u -> {
              assertThat(u.firstName().value()).isEqualTo("Grace");
              assertThat(u.lastName()).isNull();
              assertThat(u.lastSessionId()).isEqualTo("session_09");
            });
  }

  @Test
  void updateIfUnchangedOfAUserThatIsGoneWritesNothing() {
    User user = stored(aUser());
    repository().delete(user);

    assertThat(
            repository()
                .updateIfUnchanged(
                    user, user.withActive(false, Instant.parse("2026-05-05T05:05:05Z"))))
        .isFalse();
    assertThat(rowCount()).isZero();
  }

  @Test
  void searchPagesInIdOrderWithFilters() {
    User a =
        stored(aUser().withEmail("alice@example.com").withFirstName("Alice").withLastName("Zed"));
    User b =
        stored(
            aUser()
                .withEmail("bob@example.com")
                .withFirstName("Bob")
                .withLastName("Alison")
                .admin(true));
    User c = stored(aUser().withEmail("carol@example.com").withFirstName("Carol").active(false));
    User d = stored(aUser().withEmail("al_x@example.com").withFirstName("Dan"));

    assertThat(repository().search(new UserSearch(null, null, null, null, 10)))
        .containsExactly(a, b, c, d);
    assertThat(repository().search(new UserSearch(null, null, null, a.id(), 2)))
        .containsExactly(b, c);
    assertThat(repository().search(new UserSearch("ali", null, null, null, 10)))
        .containsExactly(a, b);
    assertThat(repository().search(new UserSearch("al_", null, null, null, 10))).containsExactly(d);
    assertThat(repository().search(new UserSearch("%", null, null, null, 10))).isEmpty();
    assertThat(repository().search(new UserSearch(null, false, null, null, 10))).containsExactly(c);
    assertThat(repository().search(new UserSearch(null, true, true, null, 10))).containsExactly(b);
  }

  @Test
  void locksAndListsActiveAdmins() {
    User admin = stored(aUser().admin(true));
    stored(aUser().admin(true).active(false));
    stored(aUser());

    assertThat(unitOfWork().inTransaction(() -> repository().lockActiveAdminIds()))
        .containsExactly(admin.id());
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    User user = aUser().withId(ids().newUserId()).build();

    Assertions.assertThatThrownBy(
            () ->
                unitOfWork()
                    .inTransaction(
                        () -> {
                          repository().insertIfAbsent(user);
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");

    assertThat(repository().findById(user.id())).isEmpty();
    assertThat(rowCount()).isZero();
  }

  @Test
  void aCommittedUpdateIsWhatTheNextLookupByWorkosIdGives() {
    User user = stored(aUser());
    assertThat(repository().findByWorkosUserId(user.workosUserId())).contains(user);
    User off = user.withActive(false, clock.instant().plusSeconds(1));

    unitOfWork()
        .inTransaction(
            () -> {
              repository().update(off);
              return null;
            });

    assertThat(repository().findByWorkosUserId(user.workosUserId())).contains(off);
    assertThat(repository().findById(user.id())).contains(off);
  }

  @Test
  void aRolledBackUpdateIsNotWhatTheNextLookupByWorkosIdGives() {
    User user = stored(aUser());
    assertThat(repository().findByWorkosUserId(user.workosUserId())).contains(user);

    Assertions.assertThatThrownBy(
            () ->
                unitOfWork()
                    .inTransaction(
                        () -> {
                          repository()
                              .update(user.withActive(false, clock.instant().plusSeconds(1)));
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");

    assertThat(repository().findByWorkosUserId(user.workosUserId())).contains(user);
  }

  // ---- the application services over this adapter ----

  private ApplicationServices services(FakeIdentityProviderDirectory directory) {
    return ApplicationServices.create(
        new ApplicationServices.Ports(
            repository(), syncStore(), unitOfWork(), ids(), new InMemoryTokenRevocations()),
        directory,
        new FakeWorkOsEventFeed(),
        null,
        clock);
  }

  @Test
  void provisionFindUpdateAndListThroughTheApplication() {
    WorkOsUserId sub = new WorkOsUserId("user_01HAPPLICATION");
    FakeIdentityProviderDirectory directory =
        new FakeIdentityProviderDirectory()
            .with(
                sub,
                new IdentityProfile(
                    new Email("Lin@Example.com"), new PersonName("Lin"), null, null));
    ApplicationServices app = services(directory);

    User provisioned =
        app.resolveSignIn().resolveSignIn(new ResolveSignInUseCase.Command(sub, "session_1", null));
    clock.advance(Duration.ofMinutes(3));
    User updated =
        app.updateMyProfile()
            .updateMyProfile(
                new UpdateMyProfileUseCase.Command(
                    provisioned.id(), ProfileUpdate.nothing().withLastName(new PersonName("Wei"))));
    User promoted =
        app.changeUserAccess()
            .changeUserAccess(
                new ChangeUserAccessUseCase.Command(
                    UserReference.parse("lin@example.com"), null, true));
    ListUsersUseCase.Page page =
        app.listUsers().listUsers(new ListUsersUseCase.Query("wei", true, true, 10, null));

    assertThat(provisioned.email().value()).isEqualTo("lin@example.com");
    assertThat(provisioned.lastLoginAt()).isNotNull();
    assertThat(updated.lastName().value()).isEqualTo("Wei");
    assertThat(app.getUser().getUser(UserReference.parse(sub.value()))).isEqualTo(promoted);
    assertThat(page.users()).containsExactly(promoted);
    assertThat(page.nextCursor()).isNull();
    Assertions.assertThatThrownBy(
            () ->
                app.changeUserAccess()
                    .changeUserAccess(
                        new ChangeUserAccessUseCase.Command(
                            new UserReference.ById(promoted.id()), false, null)))
        .isInstanceOf(LastActiveAdmin.class);
    assertThat(repository().findById(promoted.id()).orElseThrow().isActiveAdmin()).isTrue();
  }

  @Test
  void concurrentFirstSignInsOfOneWorkosIdYieldExactlyOneRow() throws Exception {
    WorkOsUserId sub = new WorkOsUserId("user_01HRACE");
    ApplicationServices app = services(new FakeIdentityProviderDirectory());
    List<User> users =
        Race.run(
            16,
            n ->
                app.resolveSignIn()
                    .resolveSignIn(
                        new ResolveSignInUseCase.Command(
                            sub,
                            "session_" + n,
                            new IdentityProfile(new Email("race@example.com"), null, null, null))));

    assertThat(rowCount()).isEqualTo(1);
    assertThat(users).extracting(User::id).containsOnly(users.get(0).id());
  }

  @Test
  void concurrentFirstSignInsOfManyUsersSharingTransactionsYieldOneRowPerWorkosId()
      throws Exception {
    ApplicationServices app = services(new FakeIdentityProviderDirectory());
    // 32 callers, 8 WorkOS ids: each id signs in 4 times at once, beside the other ids
    List<User> users =
        Race.run(
            32,
            n ->
                app.resolveSignIn()
                    .resolveSignIn(
                        new ResolveSignInUseCase.Command(
                            new WorkOsUserId("user_01HMANY" + (n % 8)),
                            "session_" + n,
                            new IdentityProfile(
                                new Email("many" + (n % 8) + "@example.com"), null, null, null))));

    assertThat(rowCount()).isEqualTo(8);
    for (int id = 0; id < 8; id++) {
      WorkOsUserId sub = new WorkOsUserId("user_01HMANY" + id);
      User stored = repository().findByWorkosUserId(sub).orElseThrow();
      assertThat(users.stream().filter(u -> u.workosUserId().equals(sub)))
          .hasSize(4)
          .extracting(User::id)
          .containsOnly(stored.id());
    }
  }

  @Test
  void insertAllIfAbsentInsertsEachNewWorkosIdOnceAndSaysWhich() {
    User existing = stored(aUser().withWorkosUserId("user_01HTAKEN"));
    User fresh = aUser().withId(ids().newUserId()).withWorkosUserId("user_01HFRESH").build();
    User taken = aUser().withId(ids().newUserId()).withWorkosUserId("user_01HTAKEN").build();
    User repeated = aUser().withId(ids().newUserId()).withWorkosUserId("user_01HFRESH").build();

    var inserted =
        unitOfWork()
            .inTransaction(() -> repository().insertAllIfAbsent(List.of(fresh, taken, repeated)));

    assertThat(inserted).containsExactly(fresh.id());
    assertThat(rowCount()).isEqualTo(2);
    assertThat(repository().findByWorkosUserId(fresh.workosUserId())).contains(fresh);
    assertThat(repository().findByWorkosUserId(existing.workosUserId())).contains(existing);
  }

  @Test
  void updateAllIfUnchangedWritesTheUsersStillAsExpectedAndSaysWhich() {
    User a = stored(aUser().withWorkosUserId("user_01HALLA").withPicture(null).withLastName(null));
    User b = stored(aUser().withWorkosUserId("user_01HALLB"));
    User c = stored(aUser().withWorkosUserId("user_01HALLC"));
    User gone = stored(aUser().withWorkosUserId("user_01HALLD"));
    Instant later = Instant.parse("2026-05-05T05:05:05.555123456Z");
    User cElsewhere = c.signedIn("session_09", later);
    repository().update(cElsewhere);
    repository().delete(gone);
    User editedA = firstNamed(a, "Grace", later);
    User editedB = lastNamed(b, "Hopper", later);

    var written =
        unitOfWork()
            .inTransaction(
                () ->
                    repository()
                        .updateAllIfUnchanged(
                            List.of(
                                new UserRepository.OptimisticUpdate(a, editedA),
                                new UserRepository.OptimisticUpdate(b, editedB),
                                new UserRepository.OptimisticUpdate(c, firstNamed(c, "Ada", later)),
                                new UserRepository.OptimisticUpdate(
                                    gone, firstNamed(gone, "Ada", later)))));

    assertThat(written).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(storedNow(a).firstName().value()).isEqualTo("Grace");
    assertThat(storedNow(a).lastName()).as("absent fields stay absent").isNull();
    assertThat(storedNow(b).lastName().value()).isEqualTo("Hopper");
    assertThat(repository().findById(c.id()))
        .as("a stale basis writes nothing")
        .contains(cElsewhere);
    assertThat(rowCount()).isEqualTo(3);
    assertThat(
            repository()
                .updateAllIfUnchanged(
                    List.of(
                        new UserRepository.OptimisticUpdate(
                            editedA, lastNamed(editedA, "Hopper", later.plusSeconds(1))))))
        .as("the basis as written, nanoseconds and all")
        .containsExactly(a.id());
  }

  private static User firstNamed(User user, String name, Instant at) {
    return user.withProfile(ProfileUpdate.nothing().withFirstName(new PersonName(name)), at);
  }

  private static User lastNamed(User user, String name, Instant at) {
    return user.withProfile(ProfileUpdate.nothing().withLastName(new PersonName(name)), at);
  }

  /** The row of {@code user} as the repository reads it now. */
  private User storedNow(User user) {
    return repository().findById(user.id()).orElseThrow();
  }

  // ---- the WorkOS sync store ----

  private static WorkOsUserEvent userEvent(
      String id, WorkOsUserEvent.Kind kind, WorkOsUserId sub, String email, Instant updatedAt) {
    return new WorkOsUserEvent(
        id,
        kind,
        sub,
        new IdentityProfile(new Email(email), null, null, null),
        updatedAt,
        updatedAt);
  }

  @Test
  void anEventIdIsRecordedOnce() {
    Instant at = clock.instant();
    assertThat(
            unitOfWork()
                .inTransaction(() -> syncStore().recordEvent("event_01A", "user.created", at)))
        .isTrue();
    assertThat(
            unitOfWork()
                .inTransaction(() -> syncStore().recordEvent("event_01A", "user.created", at)))
        .isFalse();
    assertThat(syncStore().countEventsReceivedBefore(at.plusMillis(1))).isEqualTo(1);
  }

  @Test
  void syncStatesAreCreatedLockedSavedAndFound() {
    WorkOsUserId sub = new WorkOsUserId("user_01STATE");
    assertThat(syncStore().findState(sub)).isEmpty();
    Instant updated = Instant.parse("2026-05-01T10:00:00.123Z");

    unitOfWork()
        .inTransaction(
            () -> {
              WorkOsSyncState unseen = syncStore().lockState(sub);
              assertThat(unseen).isEqualTo(WorkOsSyncState.unseen(sub));
              syncStore().saveState(unseen.applied(updated));
              return null;
            });
    assertThat(syncStore().findState(sub)).contains(WorkOsSyncState.unseen(sub).applied(updated));

    unitOfWork()
        .inTransaction(
            () -> {
              syncStore()
                  .saveState(syncStore().lockState(sub).deletedAt(updated, updated.plusSeconds(5)));
              return null;
            });
    assertThat(syncStore().findState(sub))
        .get()
        .extracting(WorkOsSyncState::deletedAt)
        .isEqualTo(updated.plusSeconds(5));
    assertThat(syncStore().deletedBefore(updated.plusSeconds(6))).containsExactly(sub);
    assertThat(syncStore().deletedBefore(updated.plusSeconds(5))).isEmpty();
  }

  @Test
  void aCursorIsSavedAndMoved() {
    assertThat(syncStore().cursor("workos_events")).isEmpty();
    unitOfWork()
        .inTransaction(
            () -> {
              syncStore().saveCursor("workos_events", "event_01", clock.instant());
              syncStore().saveCursor("workos_events", "event_02", clock.instant());
              return null;
            });
    assertThat(syncStore().cursor("workos_events")).contains("event_02");
  }

  @Test
  void oldEventIdsAreForgottenAndDeletedUsersRemoved() {
    Instant old = clock.instant();
    unitOfWork().inTransaction(() -> syncStore().recordEvent("event_old", "user.updated", old));
    unitOfWork()
        .inTransaction(
            () -> syncStore().recordEvent("event_new", "user.updated", old.plusSeconds(60)));
    User user = stored(aUser());

    assertThat(
            unitOfWork()
                .inTransaction(() -> syncStore().forgetEventsReceivedBefore(old.plusSeconds(1))))
        .isEqualTo(1);
    unitOfWork()
        .inTransaction(
            () -> {
              repository().delete(user);
              return null;
            });

    assertThat(syncStore().countEventsReceivedBefore(old.plusSeconds(3600))).isEqualTo(1);
    assertThat(repository().findById(user.id())).isEmpty();
    assertThat(repository().findByWorkosUserId(user.workosUserId())).isEmpty();
    assertThat(rowCount()).isZero();
  }

  @Test
  void aFailedSyncLeavesNoEventIdBehind() {
    WorkOsUserId sub = new WorkOsUserId("user_01FAIL");
    Assertions.assertThatThrownBy(
            () ->
                unitOfWork()
                    .inTransaction(
                        () -> {
                          syncStore().recordEvent("event_01FAIL", "user.created", clock.instant());
                          syncStore().lockState(sub);
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");

    assertThat(
            unitOfWork()
                .inTransaction(
                    () -> syncStore().recordEvent("event_01FAIL", "user.created", clock.instant())))
        .isTrue();
    assertThat(syncStore().findState(sub)).isEmpty();
  }

  @Test
  void concurrentDeliveriesApplyEachEventOnceAndTheNewestDataWins() throws Exception {
    WorkOsUserId sub = new WorkOsUserId("user_01HCONCURRENT");
    ApplicationServices app = services(new FakeIdentityProviderDirectory());
    Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
    List<WorkOsUserEvent> events = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      events.add(
          userEvent(
              "event_" + i,
              i == 0 ? WorkOsUserEvent.Kind.CREATED : WorkOsUserEvent.Kind.UPDATED,
              sub,
              "v" + i + "@example.com",
              t0.plusSeconds(i)));
    }
    List<WorkOsUserEvent> deliveries = new ArrayList<>(events);
    deliveries.addAll(events); // every event delivered twice
    java.util.Collections.shuffle(deliveries, new java.util.Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApplyWorkOsEventUseCase.Outcome>> results = new ArrayList<>();
    for (WorkOsUserEvent delivery : deliveries) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return app.applyWorkOsEvent().apply(delivery);
              }));
    }
    start.countDown();
    List<ApplyWorkOsEventUseCase.Outcome> outcomes = new ArrayList<>();
    for (Future<ApplyWorkOsEventUseCase.Outcome> f : results) {
      outcomes.add(f.get());
    }
    pool.shutdown();

    assertThat(outcomes).filteredOn(o -> o == ApplyWorkOsEventUseCase.Outcome.DUPLICATE).hasSize(8);
    assertThat(rowCount()).isEqualTo(1);
    assertThat(repository().findByWorkosUserId(sub))
        .get()
        .extracting(u -> u.email().value())
        .isEqualTo("v7@example.com");
    assertThat(syncStore().findState(sub))
        .get()
        .extracting(WorkOsSyncState::workosUpdatedAt)
        .isEqualTo(t0.plusSeconds(7));
  }
}
