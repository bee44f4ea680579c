package com.datamingle.adapter.web.auth;

/**
 * A bearer token that failed verification: always a 401. The reason is for logs, never for the
 * response.
 */
public final class InvalidToken extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidToken(String reason) {
    super(reason);
  }
}
