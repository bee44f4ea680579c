package com.datamingle.migrations.database;

/** The configured database URL cannot be used as it is; the message says which forms work. */
public final class InvalidDatabaseUrl extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidDatabaseUrl(String message) {
    super(message);
  }
}
