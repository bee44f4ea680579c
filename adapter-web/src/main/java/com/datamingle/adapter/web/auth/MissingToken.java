package com.datamingle.adapter.web.auth;

/** No usable {@code Authorization: Bearer} header: a 401 that asks for a token. */
public final class MissingToken extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingToken(String reason) {
    super(reason);
  }
}
