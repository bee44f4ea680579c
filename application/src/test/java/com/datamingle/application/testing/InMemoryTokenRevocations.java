package com.datamingle.application.testing;

import com.datamingle.application.port.out.TokenRevocations;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Revocations in memory, with the same rules as the persistence adapter's. */
public final class InMemoryTokenRevocations implements TokenRevocations {
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
  private final Map<WorkOsUserId, Instant> signOuts = new ConcurrentHashMap<>();

  @Override
  public boolean refuses(WorkOsUserId user, String sessionId, Instant issuedAt) {
    Instant signedOut = signOuts.get(user);
    return sessions.containsKey(sessionId)
        || signedOut != null
            && issuedAt != null
            && !issuedAt.isAfter(signedOut.truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public void revokeSession(WorkOsUserId user, String sessionId, Instant revokedAt) {
    sessions.put(sessionId, TokenRevocations.rememberUntil(revokedAt));
  }

  @Override
  public void signOut(WorkOsUserId user, Instant signedOutAt) {
    signOuts.merge(user, signedOutAt, (a, b) -> a.isAfter(b) ? a : b);
  }

  public boolean sessionRevoked(String sessionId) {
    return sessions.containsKey(sessionId);
  }

  public Instant signedOutAt(WorkOsUserId user) {
    return signOuts.get(user);
  }
}
