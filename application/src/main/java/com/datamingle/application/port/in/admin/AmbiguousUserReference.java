package com.datamingle.application.port.in.admin;

import com.datamingle.domain.DomainException;

/** An email names more than one user, so the change would be a guess. */
public final class AmbiguousUserReference extends DomainException {
  private static final long serialVersionUID = 1L;

  public AmbiguousUserReference(UserReference reference, int matches) {
    super(
        matches
            + " users have the email "
            + reference
            + "; name the user by id or WorkOS user id instead");
  }
}
