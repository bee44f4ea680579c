package com.datamingle.domain;

/**
 * A value given to the domain is malformed. Carries the name of the offending field so that an
 * adapter can report it per field (a 422 on the web, a usage error on the command line).
 */
public final class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidValueException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
