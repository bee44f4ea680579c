package com.datamingle.adapter.web.auth;

/** Verifies a bearer token. */
@FunctionalInterface
public interface TokenVerifier {

  /**
   * @throws InvalidToken when the token is not acceptable (401)
   * @throws AuthUnavailable when the keys to judge it cannot be had (503)
   */
  VerifiedToken verify(String token);
}
