package com.datamingle.domain.user;

import static com.datamingle.domain.user.UserFixtures.T0;
import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {
  private static final Instant LATER = T0.plus(Duration.ofHours(1));

  @Test
  void registeredUserHasTheSeedDefaults() {
    User user =
        User.register(
            UserFixtures.nextUserId(),
            new WorkOsUserId("user_01ABC"),
            new IdentityProfile(new Email("a@example.com"), null, null, null),
            T0);

    assertThat(user.active()).isTrue();
    assertThat(user.admin()).isFalse();
    assertThat(user.timezone().id()).isEqualTo("UTC");
    assertThat(user.language().tag()).isEqualTo("en");
    assertThat(user.lastLoginAt()).isNull();
    assertThat(user.createdAt()).isEqualTo(T0).isEqualTo(user.updatedAt());
  }

  @Test
  void signInMovesLastLoginOnlyForANewSession() {
    User user = aUser().build();

    User first = user.signedIn("session_1", LATER);
    User again = first.signedIn("session_1", LATER.plusSeconds(60));
    User other = again.signedIn("session_2", LATER.plusSeconds(120));

    assertThat(first.lastLoginAt()).isEqualTo(LATER);
    assertThat(again).isSameAs(first);
    assertThat(other.lastLoginAt()).isEqualTo(LATER.plusSeconds(120));
    assertThat(other.updatedAt()).isEqualTo(user.updatedAt());
  }

  @Test
  void syncTakesEmailAndNamesFromTheProviderButKeepsLocalNamesItDoesNotKnow() {
    User user = adaLovelace("old@example.com");

    User synced = user.syncedWith(profile("new@example.com", null, "King"), LATER);

    assertThat(synced.email().value()).isEqualTo("new@example.com");
    assertThat(synced.firstName().value()).isEqualTo("Ada");
    assertThat(synced.lastName().value()).isEqualTo("King");
    assertThat(synced.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void syncWithoutChangeReturnsTheSameUser() {
    User user = adaLovelace("same@example.com");

    User synced = user.syncedWith(profile("SAME@example.com", "Ada", null), LATER);

    assertThat(synced).isSameAs(user);
  }

  @Test
  void profileUpdateChangesOnlyWhatWasSentAndCanClearOptionalFields() {
    User user =
        aUser()
            .withFirstName("Ada")
            .withLastName("Lovelace")
            .withPicture("https://e.com/a.png")
            .build();

    User changed =
        user.withProfile(
            ProfileUpdate.nothing()
                .withFirstName(new PersonName("Augusta"))
                .withProfilePictureUrl(null)
                .withTimezone(TimeZonePreference.parse("Europe/London")),
            LATER);

    assertThat(changed.firstName().value()).isEqualTo("Augusta");
    assertThat(changed.lastName().value()).isEqualTo("Lovelace");
    assertThat(changed.profilePictureUrl()).isNull();
    assertThat(changed.timezone().id()).isEqualTo("Europe/London");
    assertThat(changed.updatedAt()).isEqualTo(LATER);
    assertThat(user.withProfile(ProfileUpdate.nothing(), LATER)).isSameAs(user);
  }

  @Test
  void timezoneAndLanguageCannotBeCleared() {
    assertThatThrownBy(() -> ProfileUpdate.nothing().withTimezone(null))
        .hasMessageContaining("cannot be cleared");
    assertThatThrownBy(() -> ProfileUpdate.nothing().withLanguage(null))
        .hasMessageContaining("cannot be cleared");
  }

  @Test
  void flagsChangeUpdatedAtOnlyWhenTheyChange() {
    User user = aUser().build();

    assertThat(user.withActive(true, LATER)).isSameAs(user);
    assertThat(user.withAdmin(true, LATER).updatedAt()).isEqualTo(LATER);
    assertThat(user.withAdmin(true, LATER).isActiveAdmin()).isTrue();
    assertThat(user.withAdmin(true, LATER).withActive(false, LATER).isActiveAdmin()).isFalse();
  }

  @Test
  void timesAreKeptToTheMillisecond() {
    User user = aUser().createdAt(Instant.parse("2026-01-01T00:00:00.123456789Z")).build();

    assertThat(user.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  private static User adaLovelace(String email) {
    return aUser().withEmail(email).withFirstName("Ada").withLastName("Lovelace").build();
  }

  /** What the identity provider says: an email and names (null: it does not know), no picture. */
  private static IdentityProfile profile(String email, String first, String last) {
    return new IdentityProfile(
        new Email(email), PersonName.ofNullable(first), PersonName.ofNullable(last), null);
  }
}
