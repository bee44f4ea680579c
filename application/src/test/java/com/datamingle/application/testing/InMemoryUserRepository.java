package com.datamingle.application.testing;

import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory fake of {@link UserRepository}; thread-safe, with snapshots for rollback. */
public class InMemoryUserRepository implements UserRepository, InMemoryUnitOfWork.Transactional {
  private final TreeMap<UserId, User> rows = new TreeMap<>();
  private int writes;
  private boolean failNextWrite;

  /**
   * The next insert or update throws, as a database that fails half-way through a transaction
   * would.
   */
  public synchronized void failNextWrite() {
    failNextWrite = true;
  }

  private void maybeFail() {
    if (failNextWrite) {
      failNextWrite = false;
      throw new IllegalStateException("the database failed (injected by the test)");
    }
  }

  @Override
  public synchronized Optional<User> findById(UserId id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public Optional<User> findByIdForUpdate(UserId id) {
    return findById(id);
  }

  @Override
  public synchronized Optional<User> findByWorkosUserId(WorkOsUserId workosUserId) {
    return rows.values().stream().filter(u -> u.workosUserId().equals(workosUserId)).findFirst();
  }

  @Override
  public Optional<User> findByWorkosUserIdForUpdate(WorkOsUserId workosUserId) {
    return findByWorkosUserId(workosUserId);
  }

  @Override
  public synchronized List<User> findByEmail(Email email) {
    return rows.values().stream().filter(u -> u.email().equals(email)).toList();
  }

  @Override
  public synchronized boolean insertIfAbsent(User user) {
    maybeFail();
    if (findByWorkosUserId(user.workosUserId()).isPresent()) {
      return false;
    }
    if (rows.containsKey(user.id())) {
      throw new IllegalStateException("duplicate id " + user.id());
    }
    rows.put(user.id(), user);
    writes++;
    return true;
  }

  @Override
  public synchronized void update(User user) {
    maybeFail();
    if (!rows.containsKey(user.id())) {
      throw new IllegalStateException("no row " + user.id());
    }
    rows.put(user.id(), user);
    writes++;
  }

  @Override
  public synchronized boolean updateIfUnchanged(User expected, User updated) {
    maybeFail();
    if (!expected.equals(rows.get(expected.id()))) {
      return false;
    }
    rows.put(updated.id(), updated);
    writes++;
    return true;
  }

  @Override
  public synchronized void delete(User user) {
    if (rows.remove(user.id()) == null) {
      throw new IllegalStateException("no row " + user.id());
    }
    writes++;
  }

  @Override
  public synchronized List<User> search(UserSearch search) {
    List<User> out = new ArrayList<>();
    Map<UserId, User> tail = search.after() == null ? rows : rows.tailMap(search.after(), false);
    for (User u : tail.values()) {
      if (search.active() != null && u.active() != search.active()) continue;
      if (search.admin() != null && u.admin() != search.admin()) continue;
      if (search.prefix() != null
          && !(startsWith(u.email().value(), search.prefix())
              || u.firstName() != null && startsWith(u.firstName().value(), search.prefix())
              || u.lastName() != null && startsWith(u.lastName().value(), search.prefix())))
        continue;
      out.add(u);
      if (out.size() == search.limit()) break;
    }
    return out;
  }

  @Override
  public synchronized List<UserId> lockActiveAdminIds() {
    return rows.values().stream()
        .filter(User::isActiveAdmin)
        .map(User::id)
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** How many inserts and updates reached this fake: proves that a read path wrote nothing. */
  public synchronized int writes() {
    return writes;
  }

  public synchronized int count() {
    return rows.size();
  }

  @Override
  public synchronized Object snapshot() {
    return new HashMap<>(rows);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    rows.clear();
    rows.putAll((Map<UserId, User>) snapshot);
  }

  private static boolean startsWith(String value, String prefix) {
    return value.toLowerCase(Locale.ROOT).startsWith(prefix);
  }
}
