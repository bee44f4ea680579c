package com.datamingle.application.service;

import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.port.in.signout.SignOutUserUseCase;
import com.datamingle.application.port.out.IdentityProviderSessions;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.application.port.out.TokenRevocations;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records the sign-out first (committed, announced to every process), then asks the identity
 * provider, outside any transaction, to end the user's sessions one by one; a provider failure is
 * reported, never undoes the local sign-out.
 */
record SignOutUserService(
    UserLookup lookup,
    TokenRevocations revocations,
    UnitOfWork unitOfWork,
    IdentityProviderSessions providerSessions,
    Clock clock)
    implements SignOutUserUseCase {

  @Override
  public Result signOut(UserReference reference) {
    User user = lookup.resolve(reference);
    Instant now = clock.instant();
    unitOfWork.inTransaction(
        () -> {
          revocations.signOut(user.workosUserId(), now);
          return null;
        });
    if (providerSessions == null) {
      return new Result(user, now, null, null);
    }
    int revoked = 0;
    try {
      List<String> sessions = providerSessions.activeSessions(user.workosUserId());
      for (String session : sessions) {
        providerSessions.revoke(session);
        revoked++;
      }
      return new Result(user, now, revoked, null);
    } catch (IdentityProviderUnavailable e) {
      return new Result(user, now, revoked, e.getMessage());
    }
  }
}
