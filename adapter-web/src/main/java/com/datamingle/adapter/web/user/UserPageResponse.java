package com.datamingle.adapter.web.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of users; {@code next_cursor} is null on the last page. */
public record UserPageResponse(
    @JsonProperty("users") List<UserResponse> users,
    @JsonProperty("next_cursor") String nextCursor) {}
