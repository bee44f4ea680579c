package com.datamingle.application.testing;

import com.datamingle.application.port.out.IdentityProviderSessions;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The provider's sessions in memory; revoking can be made to fail. */
public final class FakeIdentityProviderSessions implements IdentityProviderSessions {
  private final Map<WorkOsUserId, List<String>> active = new ConcurrentHashMap<>();
  public final List<String> revoked = new CopyOnWriteArrayList<>();
  public volatile boolean down;

  public FakeIdentityProviderSessions session(WorkOsUserId user, String sessionId) {
    active.computeIfAbsent(user, u -> new CopyOnWriteArrayList<>()).add(sessionId);
    return this;
  }

  @Override
  public List<String> activeSessions(WorkOsUserId user) {
    if (down) {
      throw new IdentityProviderUnavailable("WorkOS answered 503 to the sessions request", null);
    }
    return new ArrayList<>(active.getOrDefault(user, List.of()));
  }

  @Override
  public void revoke(String sessionId) {
    if (down) {
      throw new IdentityProviderUnavailable("WorkOS answered 503 to the revoke request", null);
    }
    revoked.add(sessionId);
    active.values().forEach(list -> list.remove(sessionId));
  }
}
