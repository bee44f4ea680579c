package com.datamingle.application.port.in.signin;

import com.datamingle.domain.DomainException;
import com.datamingle.domain.user.WorkOsUserId;

/** The identity provider has no user with this id, although a token named it. */
public final class UnknownIdentity extends DomainException {
  private static final long serialVersionUID = 1L;
  private final WorkOsUserId workosUserId;

  public UnknownIdentity(WorkOsUserId workosUserId) {
    super("WorkOS does not know user " + workosUserId + "; sign in again");
    this.workosUserId = workosUserId;
  }

  public WorkOsUserId workosUserId() {
    return workosUserId;
  }
}
