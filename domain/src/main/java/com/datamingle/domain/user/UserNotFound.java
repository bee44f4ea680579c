package com.datamingle.domain.user;

import com.datamingle.domain.DomainException;

/** No user has the given id, WorkOS id or email. */
public final class UserNotFound extends DomainException {
  private static final long serialVersionUID = 1L;

  public UserNotFound(String reference) {
    super("no user " + reference + "; check the id, or list users to find it");
  }
}
