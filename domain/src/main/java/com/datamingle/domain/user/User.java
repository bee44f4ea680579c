package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

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
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workosUserId, "workosUserId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
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
        now,
        sessionId);
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
    return new User(
        id,
        workosUserId,
        profile.email(),
        first,
        last,
        picture,
        active,
        admin,
        timezone,
        language,
        createdAt,
        now,
        lastLoginAt,
        lastSessionId);
  }

  /** Applies a user's own edit of their profile. */
  public User withProfile(ProfileUpdate update, Instant now) {
    User changed =
        new User(
            id,
            workosUserId,
            email,
            update.firstName().applyTo(firstName),
            update.lastName().applyTo(lastName),
            update.profilePictureUrl().applyTo(profilePictureUrl),
            active,
            admin,
            update.timezone().applyTo(timezone),
            update.language().applyTo(language),
            createdAt,
            updatedAt,
            lastLoginAt,
            lastSessionId);
    return changed.equals(this) ? this : changed.touchedAt(now);
  }

  public User withActive(boolean value, Instant now) {
    return value == active
        ? this
        : new User(
            id,
            workosUserId,
            email,
            firstName,
            lastName,
            profilePictureUrl,
            value,
            admin,
            timezone,
            language,
            createdAt,
            now,
            lastLoginAt,
            lastSessionId);
  }

  public User withAdmin(boolean value, Instant now) {
    return value == admin
        ? this
        : new User(
            id,
            workosUserId,
            email,
            firstName,
            lastName,
            profilePictureUrl,
            active,
            value,
            timezone,
            language,
            createdAt,
            now,
            lastLoginAt,
            lastSessionId);
  }

  /** An active admin: the kind of user of which at least one must remain. */
  public boolean isActiveAdmin() {
    return active && admin;
  }

  private User touchedAt(Instant now) {
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
        now,
        lastLoginAt,
        lastSessionId);
  }

  private static void checkSessionId(String sessionId) {
    if (sessionId != null && (sessionId.isBlank() || sessionId.length() > MAX_SESSION_ID_LENGTH)) {
      throw new InvalidValueException(
          "sid", "a session id must be 1 to " + MAX_SESSION_ID_LENGTH + " characters");
    }
  }
}
