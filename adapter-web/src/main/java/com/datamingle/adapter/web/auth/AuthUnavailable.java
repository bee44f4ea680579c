package com.datamingle.adapter.web.auth;

/**
 * The signing keys could not be fetched, so a token cannot be judged either way: a 503 with
 * Retry-After, not a 401. Deliberately not an IllegalArgumentException or IllegalStateException,
 * which java-jwt would turn into a signature failure.
 */
public final class AuthUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuthUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
