package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import java.util.regex.Pattern;

/** The WorkOS user id, the {@code sub} claim of a WorkOS access token, e.g. {@code user_01H...}. */
public record WorkOsUserId(String value) {
  private static final Pattern FORMAT = Pattern.compile("user_[0-9A-Za-z]{1,64}");

  public WorkOsUserId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidValueException(
          "workos_user_id",
          "a WorkOS user id looks like user_01H... (\"user_\" then letters and digits)");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
