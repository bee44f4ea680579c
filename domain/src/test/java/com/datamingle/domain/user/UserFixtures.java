package com.datamingle.domain.user;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test-data builder for users, with sensible defaults (A1's defaultAccount()). */
public final class UserFixtures {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private UserFixtures() {}

  public static Builder aUser() {
    return new Builder();
  }

  /** A UUID whose text form sorts by the counter, like the time-ordered ids of production. */
  public static UserId nextUserId() {
    long n = SEQUENCE.incrementAndGet();
    return new UserId(new UUID(0x0190000000007000L | (n << 16), 0x8000000000000000L | n));
  }

  public static final class Builder {
    private final User.Draft user = new User.Draft();

    private Builder() {
      long n = SEQUENCE.incrementAndGet();
      user.id = nextUserId();
      user.workosUserId = new WorkOsUserId("user_01FIXTURE" + n);
      user.email = new Email("person" + n + "@example.com");
      user.firstName = new PersonName("Ada");
      user.lastName = new PersonName("Lovelace");
      user.active = true;
      user.timezone = TimeZonePreference.DEFAULT;
      user.language = LanguagePreference.DEFAULT;
      createdAt(T0);
    }

    public Builder withId(UserId value) {
      user.id = value;
      return this;
    }

    public Builder withWorkosUserId(String value) {
      user.workosUserId = new WorkOsUserId(value);
      return this;
    }

    public Builder withEmail(String value) {
      user.email = new Email(value);
      return this;
    }

    public Builder withFirstName(String value) {
      user.firstName = PersonName.ofNullable(value);
      return this;
    }

    public Builder withLastName(String value) {
      user.lastName = PersonName.ofNullable(value);
      return this;
    }

    public Builder withPicture(String value) {
      user.profilePictureUrl = PictureUrl.ofNullable(value);
      return this;
    }

    public Builder active(boolean value) {
      user.active = value;
      return this;
    }

    public Builder admin(boolean value) {
      user.admin = value;
      return this;
    }

    public Builder withTimezone(String value) {
      user.timezone = TimeZonePreference.parse(value);
      return this;
    }

    public Builder withLanguage(String value) {
      user.language = new LanguagePreference(value);
      return this;
    }

    public Builder createdAt(Instant value) {
      user.createdAt = value;
      user.updatedAt = value;
      return this;
    }

    public Builder lastLogin(Instant at, String sessionId) {
      user.lastLoginAt = at;
      user.lastSessionId = sessionId;
      return this;
    }

    public User build() {
      return user.build();
    }
  }
}
