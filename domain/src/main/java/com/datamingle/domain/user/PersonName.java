package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;

/** A first or last name: trimmed, 1 to 100 characters, {@link PlainText plain text}. */
public record PersonName(String value) {
  public static final int MAX_LENGTH = 100;

  public PersonName {
    if (value == null) {
      throw new InvalidValueException("name", "name must not be null; leave the field out instead");
    }
    value = value.strip();
    if (value.isEmpty()) {
      throw new InvalidValueException("name", "name must not be blank");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidValueException("name", "name must be at most " + MAX_LENGTH + " characters");
    }
    PlainText.check("name", value);
  }

  /** A name, or null for blank input: identity providers send "" for an unknown name. */
  public static PersonName ofNullable(String value) {
    return value == null || value.isBlank() ? null : new PersonName(value);
  }

  /** Same rules, reporting the given field name in the message. */
  public static PersonName of(String field, String value) {
    try {
      return new PersonName(value);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(field, field + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
