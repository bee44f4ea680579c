package com.datamingle.application.testing;

import com.datamingle.application.port.out.IdentityProviderDirectory;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A WorkOS directory held in memory; can be switched to "down". */
public class FakeIdentityProviderDirectory implements IdentityProviderDirectory {
  private final Map<WorkOsUserId, IdentityProfile> profiles = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean down;

  public FakeIdentityProviderDirectory with(WorkOsUserId id, IdentityProfile profile) {
    profiles.put(id, profile);
    return this;
  }

  public void goDown() {
    down = true;
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public Optional<IdentityProfile> fetchProfile(WorkOsUserId workosUserId) {
    calls.incrementAndGet();
    if (down) {
      throw new IdentityProviderUnavailable("fake WorkOS is down", null);
    }
    return Optional.ofNullable(profiles.get(workosUserId));
  }
}
