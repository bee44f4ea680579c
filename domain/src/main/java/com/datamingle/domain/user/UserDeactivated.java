package com.datamingle.domain.user;

import com.datamingle.domain.DomainException;

/** The user exists but was deactivated, so they may not sign in. */
public final class UserDeactivated extends DomainException {
  private static final long serialVersionUID = 1L;
  private final UserId userId;

  public UserDeactivated(UserId userId) {
    super("this account is deactivated; ask an administrator to reactivate it");
    this.userId = userId;
  }

  public UserId userId() {
    return userId;
  }
}
