package com.datamingle.adapter.persistence;

/** The database could not be reached or opened; the message names it without secrets. */
public final class DatabaseUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
