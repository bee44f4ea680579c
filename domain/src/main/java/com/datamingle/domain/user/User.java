package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A person who signs in through WorkOS. The WorkOS user id ({@code workosUserId}) is the stable
 * key; the email can change at the identity provider and is refreshed from it. A user is created
 * active and not an admin. {@code lastLoginAt} is null until the first sign-in and moves once per
 * new WorkOS session ({@code lastSessionId}), not on every request. {@code updatedAt} moves when
 * the profile or a flag changes. Times are held to the millisecond, which every database keeps.
 *
 * <p>Immutable: every change returns a new {@code User}.
 */
public record User(
    UserId id,
    WorkOsUserId workosUserId,
    Email email,
    PersonName firstName,
    PersonName lastName,
    PictureUrl profilePictureUrl,
    boolean active,
    boolean admin,
    TimeZonePreference timezone,
    LanguagePreference language,
    Instant createdAt,
    Instant updatedAt,
    Instant lastLoginAt,
    String lastSessionId) {

  public static final int MAX_SESSION_ID_LENGTH = 128;

  public User {
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
    updatedAt = Objects.requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workosUserId, "workosUserId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(language, "language");
    lastLoginAt = lastLoginAt == null ? null : lastLoginAt.truncatedTo(ChronoUnit.MILLIS);
    checkSessionId(lastSessionId);
  }

  /**
   * A new user, seen for the first time: active, not an admin, default preferences, never signed
   * in.
   */
  public static User register(
      UserId id, WorkOsUserId workosUserId, IdentityProfile profile, Instant now) {
    return new User(
        id,
        workosUserId,
        profile.email(),
        profile.firstName(),
        profile.lastName(),
        profile.profilePictureUrl(),
        true,
        false,
        TimeZonePreference.DEFAULT,
        LanguagePreference.DEFAULT,
        now,
        now,
        null,
        null);
  }

  /** Whether a sign-in with this session id is a new session, which would record a login. */
  public boolean isNewSession(String sessionId) {
    return !Objects.equals(lastSessionId, sessionId);
  }

  /** Records a sign-in: the login time moves only when the session is new. */
  public User signedIn(String sessionId, Instant now) {
    checkSessionId(sessionId);
    if (!isNewSession(sessionId)) {
      return this;
    }
    return edit(
        d -> {
          d.lastLoginAt = now;
          d.lastSessionId = sessionId;
        });
  }

  /**
   * Takes email and names from the identity provider. A name the provider does not know (null)
   * keeps the local value, so a user's own edit is not wiped by a provider that has no name.
   */
  public User syncedWith(IdentityProfile profile, Instant now) {
    PersonName first = profile.firstName() != null ? profile.firstName() : firstName;
    PersonName last = profile.lastName() != null ? profile.lastName() : lastName;
    PictureUrl picture =
        profile.profilePictureUrl() != null ? profile.profilePictureUrl() : profilePictureUrl;
    if (profile.email().equals(email)
        && Objects.equals(first, firstName)
        && Objects.equals(last, lastName)
        && Objects.equals(picture, profilePictureUrl)) {
      return this;
    }
    return edit(
        d -> {
          d.email = profile.email();
          d.firstName = first;
          d.lastName = last;
          d.profilePictureUrl = picture;
          d.updatedAt = now;
        });
  }

  /** Applies a user's own edit of their profile. */
  public User withProfile(ProfileUpdate update, Instant now) {
    User changed =
        edit(
            d -> {
              d.firstName = update.firstName().applyTo(firstName);
              d.lastName = update.lastName().applyTo(lastName);
              d.profilePictureUrl = update.profilePictureUrl().applyTo(profilePictureUrl);
              d.timezone = update.timezone().applyTo(timezone);
              d.language = update.language().applyTo(language);
            });
    return changed.equals(this) ? this : changed.touchedAt(now);
  }

  public User withActive(boolean value, Instant now) {
    return value == active ? this : edit(d -> d.active = value).touchedAt(now);
  }

  public User withAdmin(boolean value, Instant now) {
    return value == admin ? this : edit(d -> d.admin = value).touchedAt(now);
  }

  /** An active admin: the kind of user of which at least one must remain. */
  public boolean isActiveAdmin() {
    return active && admin;
  }

  private User touchedAt(Instant now) {
    return edit(d -> d.updatedAt = now);
  }

  /** A copy of this user with the fields {@code change} sets, checked as any new user is. */
  private User edit(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /**
   * The fields of a user being put together, one at a time: the copy every edit starts from, and
   * the test fixtures' builder.
   */
  static final class Draft {
    UserId id;
    WorkOsUserId workosUserId;
    Email email;
    PersonName firstName;
    PersonName lastName;
    PictureUrl profilePictureUrl;
    boolean active;
    boolean admin;
    TimeZonePreference timezone;
    LanguagePreference language;
    Instant createdAt;
    Instant updatedAt;
    Instant lastLoginAt;
    String lastSessionId;

    Draft() {}

    private Draft(User user) {
      id = user.id;
      workosUserId = user.workosUserId;
      email = user.email;
      firstName = user.firstName;
      lastName = user.lastName;
      profilePictureUrl = user.profilePictureUrl;
      active = user.active;
      admin = user.admin;
      timezone = user.timezone;
      language = user.language;
      createdAt = user.createdAt;
      updatedAt = user.updatedAt;
      lastLoginAt = user.lastLoginAt;
      lastSessionId = user.lastSessionId;
    }

    User build() {
      return new User(
          id,
          workosUserId,
          email,
          firstName,
          lastName,
          profilePictureUrl,
          active,
          admin,
          timezone,
          language,
          createdAt,
          updatedAt,
          lastLoginAt,
          lastSessionId);
    }
  }

  private static void checkSessionId(String sessionId) {
    if (sessionId != null && (sessionId.isBlank() || sessionId.length() > MAX_SESSION_ID_LENGTH)) {
      throw new InvalidValueException(
          "sid", "a session id must be 1 to " + MAX_SESSION_ID_LENGTH + " characters");
    }
  }
}
