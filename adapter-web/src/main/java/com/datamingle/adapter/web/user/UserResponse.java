package com.datamingle.adapter.web.user;

import com.datamingle.domain.user.User;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A user as the API shows it: the seed's model in snake_case, times in ISO-8601 UTC. */
public record UserResponse(
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
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("last_login_at") Instant lastLoginAt) {

  public static UserResponse from(User user) {
    return new UserResponse(
        user.id().toString(),
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
        user.lastLoginAt());
  }
}
