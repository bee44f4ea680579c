package com.datamingle.adapter.persistence.user;

import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.LanguagePreference;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.PictureUrl;
import com.datamingle.domain.user.TimeZonePreference;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code users}, column for column; maps to and from the domain at this boundary. */
record UserRow(
    UUID id,
    String workosUserId,
    String email,
    String firstName,
    String lastName,
    String profilePictureUrl,
    boolean isActive,
    boolean isAdmin,
    String timezone,
    String language,
    Instant createdAt,
    Instant updatedAt,
    Instant lastLoginAt,
    String lastSessionId) {

  public static UserRow from(User user) {
    return new UserRow(
        user.id().value(),
        user.workosUserId().value(),
        user.email().value(),
        user.firstName() == null ? null : user.firstName().value(),
        user.lastName() == null ? null : user.lastName().value(),
        user.profilePictureUrl() == null ? null : user.profilePictureUrl().value(),
        user.active(),
        user.admin(),
        user.timezone().id(),
        user.language().tag(),
        user.createdAt(),
        user.updatedAt(),
        user.lastLoginAt(),
        user.lastSessionId());
  }

  public User toDomain() {
    return new User(
        new UserId(id),
        new WorkOsUserId(workosUserId),
        new Email(email),
        PersonName.ofNullable(firstName),
        PersonName.ofNullable(lastName),
        PictureUrl.ofNullable(profilePictureUrl),
        isActive,
        isAdmin,
        TimeZonePreference.parse(timezone),
        new LanguagePreference(language),
        createdAt,
        updatedAt,
        lastLoginAt,
        lastSessionId);
  }
}
