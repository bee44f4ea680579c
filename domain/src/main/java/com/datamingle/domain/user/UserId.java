package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import java.util.UUID;

/** Our own identifier of a user: a time-ordered UUID, so ids sort in creation order. */
public record UserId(UUID value) implements Comparable<UserId> {

  public UserId {
    if (value == null) {
      throw new InvalidValueException("id", "id is required");
    }
  }

  /** Parses the canonical text form; the message says what a valid id looks like. */
  public static UserId parse(String text) {
    if (text == null || text.length() != 36) {
      throw new InvalidValueException(
          "id", "id must be a UUID such as 0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
    }
    try {
      return new UserId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(
          "id", "id must be a UUID such as 0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
    }
  }

  @Override
  public int compareTo(UserId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
