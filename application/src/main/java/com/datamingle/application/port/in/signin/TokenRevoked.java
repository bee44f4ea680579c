package com.datamingle.application.port.in.signin;

import com.datamingle.domain.DomainException;

/** The token's session was revoked, or its user signed out after it was issued. */
public final class TokenRevoked extends DomainException {
  private static final long serialVersionUID = 1L;

  public TokenRevoked() {
    super("this session was signed out; sign in again");
  }
}
