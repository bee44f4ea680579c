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
public class InMemoryUserRepository implements UserRepository {
  private final TreeMap<UserId, User> rows = new TreeMap<>();
  private int writes;

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
    if (!rows.containsKey(user.id())) {
      throw new IllegalStateException("no row " + user.id());
    }
    rows.put(user.id(), user);
    writes++;
  }

  @Override
  public synchronized List<User> search(UserSearch search) {
    List<User> out = new ArrayList<>();
    Map<UserId, User> tail = search.after() == null ? rows : rows.tailMap(search.after(), false);
    for (User u : tail.values()) {
      if (search.active() != null && u.active() != search.active()) continue;
      if (search.admin() != null && u.admin() != search.admin()) continue;
      if (search.prefix() != null && !(startsWith(u.email().value(), search.prefix())
          || u.firstName() != null && startsWith(u.firstName().value(), search.prefix())
          || u.lastName() != null && startsWith(u.lastName().value(), search.prefix()))) continue;
      out.add(u);
      if (out.size() == search.limit()) break;
    }
    return out;
  }

  @Override
  public synchronized List<UserId> lockActiveAdminIds() {
    return rows.values().stream().filter(User::isActiveAdmin).map(User::id).sorted(Comparator.naturalOrder()).toList();
  }

  /** How many inserts and updates reached this fake: proves that a read path wrote nothing. */
  public synchronized int writes() {
    return writes;
  }

  public synchronized int count() {
    return rows.size();
  }

  synchronized Map<UserId, User> snapshot() {
    return new HashMap<>(rows);
  }

  synchronized void restore(Map<UserId, User> snapshot) {
    rows.clear();
    rows.putAll(snapshot);
  }

  private static boolean startsWith(String value, String prefix) {
    return value.toLowerCase(Locale.ROOT).startsWith(prefix);
  }
}
