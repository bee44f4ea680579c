package com.datamingle.adapter.cli.command.users;

import com.datamingle.domain.user.User;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user as the {@code users} commands print it with --json: the API's {@code User} schema (a test
 * holds the two equal), times in ISO-8601 UTC.
 */
record UserJson(
    @JsonProperty("id") String id,
    @JsonProperty("workos_user_id") String workosUserId,
    @JsonProperty("email") String email,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    @JsonProperty("profile_picture_url") String profilePictureUrl,
    @JsonProperty("is_active") boolean isActive,
    @JsonProperty("is_admin") boolean isAdmin,
    @JsonProperty("timezone") String timezone,
    @JsonProperty("language") String language,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt,
    @JsonProperty("last_login_at") String lastLoginAt) {

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
