package com.datamingle.application.port.out;

import com.datamingle.domain.user.UserId;

/**
 * Criteria of one page of users. {@code prefix} is lower case and matches the start of the email,
 * the first name or the last name; null filters match everything.
 */
public record UserSearch(String prefix, Boolean active, Boolean admin, UserId after, int limit) {

  public UserSearch {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }
}
