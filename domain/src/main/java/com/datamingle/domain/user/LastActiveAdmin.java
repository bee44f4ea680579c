package com.datamingle.domain.user;

import com.datamingle.domain.DomainException;

/** The change would leave no active admin, so nobody could manage users any more. */
public final class LastActiveAdmin extends DomainException {
  private static final long serialVersionUID = 1L;

  public LastActiveAdmin(UserId userId) {
    super("user " + userId + " is the last active admin; promote another user to admin first");
  }
}
