package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The users of the warm-up ({@link ServeWarmUp}): written to memory only, so that the warm-up never
 * leaves a row in the database. Every few lookups also read the real repository (a read, never a
 * write: the warm-up's WorkOS ids exist nowhere, so these reads find nothing), which loads and
 * compiles the real read path and prepares its statements on the pool's connections.
 */
final class WarmUpUsers implements UserRepository {
  /** One lookup in this many also reads the real repository. */
  private static final int REAL_READ_EVERY = 8;

  private final UserRepository stored;
  private final ConcurrentHashMap<UserId, User> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<WorkOsUserId, User> byWorkosId = new ConcurrentHashMap<>();
  private final AtomicLong lookups = new AtomicLong();

  WarmUpUsers(UserRepository stored) {
    this.stored = stored;
  }

  @Override
  public Optional<User> findById(UserId id) {
    if (realReadDue()) {
      stored.findById(id);
    }
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<User> findByIdForUpdate(UserId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<User> findByWorkosUserId(WorkOsUserId workosUserId) {
    if (realReadDue()) {
      stored.findByWorkosUserId(workosUserId);
    }
    return Optional.ofNullable(byWorkosId.get(workosUserId));
  }

  @Override
  public Optional<User> findByWorkosUserIdForUpdate(WorkOsUserId workosUserId) {
    return Optional.ofNullable(byWorkosId.get(workosUserId));
  }

  @Override
  public List<User> findByEmail(Email email) {
    List<User> found = new ArrayList<>();
    for (User user : byId.values()) {
      if (user.email().equals(email)) {
        found.add(user);
      }
    }
    return found;
  }

  @Override
  public synchronized boolean insertIfAbsent(User user) {
    if (byWorkosId.putIfAbsent(user.workosUserId(), user) != null) {
      return false;
    }
    byId.put(user.id(), user);
    return true;
  }

  @Override
  public synchronized void update(User user) {
    byId.put(user.id(), user);
    byWorkosId.put(user.workosUserId(), user);
  }

  @Override
  public synchronized boolean updateIfUnchanged(User expected, User updated) {
    if (!expected.equals(byId.get(expected.id()))) {
      return false;
    }
    update(updated);
    return true;
  }

  @Override
  public synchronized void delete(User user) {
    byId.remove(user.id());
    byWorkosId.remove(user.workosUserId());
  }

  /** The real repository's page (a read), for the mapping of real rows. */
  @Override
  public List<User> search(UserSearch search) {
    return stored.search(search);
  }

  @Override
  public List<UserId> lockActiveAdminIds() {
    return byId.values().stream().filter(User::isActiveAdmin).map(User::id).sorted().toList();
  }

  private boolean realReadDue() {
    return lookups.incrementAndGet() % REAL_READ_EVERY == 0;
  }
}
