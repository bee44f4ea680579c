package com.datamingle.adapter.persistence.user;

import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persistence adapter: remembers users looked up by WorkOS id for a short time, so that the
 * sign-in check of every request does not read the database. Writes through this repository
 * forget the user at once; a change made by another process shows after at most {@code ttl}.
 * Reads "for update" always go to the database.
 */
public final class CachingUserRepository implements UserRepository {
  private static final int MAX_ENTRIES = 50_000;
  private final UserRepository delegate;
  private final Clock clock;
  private final Duration ttl;
  private final ConcurrentHashMap<WorkOsUserId, Entry> byWorkosId = new ConcurrentHashMap<>();

  private record Entry(User user, Instant until) {}

  public CachingUserRepository(UserRepository delegate, Clock clock, Duration ttl) {
    this.delegate = delegate;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public Optional<User> findByWorkosUserId(WorkOsUserId workosUserId) {
    Entry entry = byWorkosId.get(workosUserId);
    Instant now = clock.instant();
    if (entry != null && entry.until().isAfter(now)) {
      return Optional.of(entry.user());
    }
    Optional<User> found = delegate.findByWorkosUserId(workosUserId);
    if (found.isPresent()) {
      if (byWorkosId.size() >= MAX_ENTRIES) {
        byWorkosId.clear();
      }
      byWorkosId.put(workosUserId, new Entry(found.get(), now.plus(ttl)));
    }
    return found;
  }

  @Override
  public boolean insertIfAbsent(User user) {
    byWorkosId.remove(user.workosUserId());
    return delegate.insertIfAbsent(user);
  }

  @Override
  public void update(User user) {
    byWorkosId.remove(user.workosUserId());
    delegate.update(user);
    byWorkosId.remove(user.workosUserId());
  }

  @Override public Optional<User> findById(UserId id) { return delegate.findById(id); }
  @Override public Optional<User> findByIdForUpdate(UserId id) { return delegate.findByIdForUpdate(id); }
  @Override public Optional<User> findByWorkosUserIdForUpdate(WorkOsUserId id) { return delegate.findByWorkosUserIdForUpdate(id); }
  @Override public List<User> findByEmail(Email email) { return delegate.findByEmail(email); }
  @Override public List<User> search(UserSearch search) { return delegate.search(search); }
  @Override public List<UserId> lockActiveAdminIds() { return delegate.lockActiveAdminIds(); }
}
