package com.datamingle.application.port.in.signin;

import com.datamingle.domain.DomainException;
import com.datamingle.domain.user.WorkOsUserId;

/** The identity provider has no user with this id (or deleted it), although a token named it. */
public final class UnknownIdentity extends DomainException {
  private static final long serialVersionUID = 1L;
  private final WorkOsUserId workosUserId;

  public UnknownIdentity(WorkOsUserId workosUserId) {
    this(workosUserId, "WorkOS does not know user " + workosUserId + "; sign in again");
  }

  private UnknownIdentity(WorkOsUserId workosUserId, String message) {
    super(message);
    this.workosUserId = workosUserId;
  }

  /** WorkOS deleted the user: a token issued before the deletion must not create them again. */
  public static UnknownIdentity deleted(WorkOsUserId workosUserId) {
    return new UnknownIdentity(
        workosUserId, "WorkOS deleted user " + workosUserId + "; sign in with an existing account");
  }

  public WorkOsUserId workosUserId() {
    return workosUserId;
  }
}
