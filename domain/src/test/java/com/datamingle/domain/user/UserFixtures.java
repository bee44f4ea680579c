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
    private final long n = SEQUENCE.incrementAndGet();
    private UserId id = nextUserId();
    private WorkOsUserId workosUserId = new WorkOsUserId("user_01FIXTURE" + n);
    private Email email = new Email("person" + n + "@example.com");
    private PersonName firstName = new PersonName("Ada");
    private PersonName lastName = new PersonName("Lovelace");
    private PictureUrl picture;
    private boolean active = true;
    private boolean admin;
    private TimeZonePreference timezone = TimeZonePreference.DEFAULT;
    private LanguagePreference language = LanguagePreference.DEFAULT;
    private Instant createdAt = T0;
    private Instant updatedAt = T0;
    private Instant lastLoginAt;
    private String lastSessionId;

    public Builder withId(UserId value) {
      id = value;
      return this;
    }

    public Builder withWorkosUserId(String value) {
      workosUserId = new WorkOsUserId(value);
      return this;
    }

    public Builder withEmail(String value) {
      email = new Email(value);
      return this;
    }

    public Builder withFirstName(String value) {
      firstName = PersonName.ofNullable(value);
      return this;
    }

    public Builder withLastName(String value) {
      lastName = PersonName.ofNullable(value);
      return this;
    }

    public Builder withPicture(String value) {
      picture = PictureUrl.ofNullable(value);
      return this;
    }

    public Builder active(boolean value) {
      active = value;
      return this;
    }

    public Builder admin(boolean value) {
      admin = value;
      return this;
    }

    public Builder withTimezone(String value) {
      timezone = TimeZonePreference.parse(value);
      return this;
    }

    public Builder withLanguage(String value) {
      language = new LanguagePreference(value);
      return this;
    }

    public Builder createdAt(Instant value) {
      createdAt = value;
      updatedAt = value;
      return this;
    }

    public Builder lastLogin(Instant at, String sessionId) {
      lastLoginAt = at;
      lastSessionId = sessionId;
      return this;
    }

    public User build() {
      return new User(
          id,
          workosUserId,
          email,
          firstName,
          lastName,
          picture,
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
}
