package com.datamingle.adapter.web.user;

import com.datamingle.domain.user.User;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A user as the API shows it: the seed's model in snake_case, times in ISO-8601 UTC. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserResponse(
    String id,
    String workosUserId,
    String email,
    String firstName,
    String lastName,
    String profilePictureUrl,
    @JsonProperty("is_active") boolean isActive,
    @JsonProperty("is_admin") boolean isAdmin,
    String timezone,
    String language,
    Instant createdAt,
    Instant updatedAt,
    Instant lastLoginAt) {

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
