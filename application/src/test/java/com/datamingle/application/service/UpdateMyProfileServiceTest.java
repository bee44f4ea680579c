package com.datamingle.application.service;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase.Command;
import com.datamingle.application.testing.InMemoryUnitOfWork;
import com.datamingle.application.testing.InMemoryUserRepository;
import com.datamingle.application.testing.MutableClock;
import com.datamingle.application.testing.TestApplication;
import com.datamingle.domain.user.LanguagePreference;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.TimeZonePreference;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserDeactivated;
import com.datamingle.domain.user.UserFixtures;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.UserNotFound;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpdateMyProfileServiceTest {
  private final TestApplication app = new TestApplication();

  @Test
  void updatesTheEditableFieldsAndStoresThem() {
    User me = aUser().withFirstName("Ada").build();
    app.users.insertIfAbsent(me);
    app.clock.advance(Duration.ofMinutes(1));

    User updated =
        app.services
            .updateMyProfile()
            .updateMyProfile(
                new Command(
                    me.id(),
                    ProfileUpdate.nothing()
                        .withFirstName(new PersonName("Augusta"))
                        .withTimezone(TimeZonePreference.parse("Asia/Tokyo"))
                        .withLanguage(new LanguagePreference("ja"))));

    assertThat(updated.firstName().value()).isEqualTo("Augusta");
    assertThat(updated.timezone().id()).isEqualTo("Asia/Tokyo");
    assertThat(updated.updatedAt()).isEqualTo(app.clock.instant());
    assertThat(app.users.findById(me.id())).contains(updated);
  }

  @Test
  void anEmptyUpdateWritesNothing() {
    User me = aUser().build();
    app.users.insertIfAbsent(me);
    int writes = app.users.writes();

    app.services.updateMyProfile().updateMyProfile(new Command(me.id(), ProfileUpdate.nothing()));

    assertThat(app.users.writes()).isEqualTo(writes);
  }

  @Test
  void refusesUnknownAndDeactivatedUsers() {
    User off = aUser().active(false).build();
    app.users.insertIfAbsent(off);

    assertThatThrownBy(
            () ->
                app.services
                    .updateMyProfile()
                    .updateMyProfile(
                        new Command(UserFixtures.nextUserId(), ProfileUpdate.nothing())))
        .isInstanceOf(UserNotFound.class);
    assertThatThrownBy(
            () ->
                app.services
                    .updateMyProfile()
                    .updateMyProfile(new Command(off.id(), ProfileUpdate.nothing())))
        .isInstanceOf(UserDeactivated.class);
  }

  /**
   * A repository whose lookups by id may answer an older user, as a cache does after another
   * process wrote.
   */
  static final class RememberingUsers extends InMemoryUserRepository {
    final AtomicInteger lockedReads = new AtomicInteger();
    volatile User remembered;

    @Override
    public Optional<User> findById(UserId id) {
      User known = remembered;
      return known != null && known.id().equals(id) ? Optional.of(known) : super.findById(id);
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
      lockedReads.incrementAndGet();
      return super.findById(id);
    }
  }

  final RememberingUsers remembering = new RememberingUsers();
  final MutableClock clock = new MutableClock(UserFixtures.T0);
  final UpdateMyProfileService service =
      new UpdateMyProfileService(
          remembering, new UserLookup(remembering), new InMemoryUnitOfWork(remembering), clock);

  @Test
  void anEditOverTheCurrentUserIsOneWriteWithoutALockedRead() {
    User me = aUser().build();
    remembering.insertIfAbsent(me);
    int writes = remembering.writes();
    clock.advance(Duration.ofMinutes(1));

    User updated =
        service.updateMyProfile(
            new Command(me.id(), ProfileUpdate.nothing().withFirstName(new PersonName("Grace"))));

    assertThat(updated.firstName().value()).isEqualTo("Grace");
    assertThat(remembering.findById(me.id())).contains(updated);
    assertThat(remembering.writes()).isEqualTo(writes + 1);
    assertThat(remembering.lockedReads).hasValue(0);
  }

  @Test
  void whenTheStoredUserChangedBehindTheKnownOneTheEditIsAppliedToTheStoredUser() {
    User me = aUser().withLastName("Lovelace").build();
    remembering.insertIfAbsent(me);
    clock.advance(Duration.ofMinutes(1));
    User changedElsewhere =
        me.withProfile(
            ProfileUpdate.nothing().withLastName(new PersonName("Byron")), clock.instant());
    remembering.update(changedElsewhere);
    remembering.remembered = me;
    clock.advance(Duration.ofMinutes(1));

    User updated =
        service.updateMyProfile(
            new Command(me.id(), ProfileUpdate.nothing().withFirstName(new PersonName("Augusta"))));

    assertThat(updated.firstName().value()).isEqualTo("Augusta");
    assertThat(updated.lastName().value())
        .as("the change made elsewhere is kept")
        .isEqualTo("Byron");
    remembering.remembered = null;
    assertThat(remembering.findById(me.id())).contains(updated);
    assertThat(remembering.lockedReads).hasValue(1);
  }

  @Test
  void aUserDeactivatedBehindTheKnownOneCannotEdit() {
    User me = aUser().build();
    remembering.insertIfAbsent(me);
    clock.advance(Duration.ofMinutes(1));
    User off = me.withActive(false, clock.instant());
    remembering.update(off);
    remembering.remembered = me;

    assertThatThrownBy(
            () ->
                service.updateMyProfile(
                    new Command(
                        me.id(), ProfileUpdate.nothing().withFirstName(new PersonName("Augusta")))))
        .isInstanceOf(UserDeactivated.class);
    remembering.remembered = null;
    assertThat(remembering.findById(me.id())).contains(off);
  }
}
