package com.datamingle.migrations;

/** A schema operation was refused or failed; the message says what happened and what to do. */
public class MigrationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MigrationFailure(String message) {
    super(message);
  }

  public MigrationFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
