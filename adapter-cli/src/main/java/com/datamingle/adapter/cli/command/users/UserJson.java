package com.datamingle.adapter.cli.command.users;

import com.datamingle.domain.user.User;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A user as the {@code users} commands print it with --json: the API's {@code User} schema (a test
 * holds the two equal): the components in snake_case, in the API's order; times in ISO-8601 UTC.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UserJson(
    String id,
    String workosUserId,
    String email,
    String firstName,
    String lastName,
    String profilePictureUrl,
    boolean isActive,
    boolean isAdmin,
    String timezone,
    String language,
    String createdAt,
    String updatedAt,
    String lastLoginAt) {

  static UserJson of(User u) {
    return new UserJson(
        u.id().toString(),
        u.workosUserId().value(),
        u.email().value(),
        u.firstName() == null ? null : u.firstName().value(),
        u.lastName() == null ? null : u.lastName().value(),
        u.profilePictureUrl() == null ? null : u.profilePictureUrl().value(),
        u.active(),
        u.admin(),
        u.timezone().id(),
        u.language().tag(),
        u.createdAt().toString(),
        u.updatedAt().toString(),
        u.lastLoginAt() == null ? null : u.lastLoginAt().toString());
  }
}
