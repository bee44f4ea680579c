package com.datamingle.adapter.persistence.user;

import com.datamingle.adapter.persistence.change.Changes;
import com.datamingle.adapter.persistence.tx.TransactionHooks;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserRepository.OptimisticUpdate;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Persistence adapter: remembers users looked up by WorkOS id or by id for a short time, so that
 * the sign-in check of every request, and the read an optimistic write starts from, do not read the
 * database. A change made by another process shows after at most {@code ttl}; a change made through
 * this repository shows as soon as its transaction has committed, and the written user is
 * remembered then (write-through), so the next request of that user reads nothing. While a write is
 * in flight the last committed user is served, which is what the database itself would answer.
 *
 * <p>A write takes a number from one counter while it holds the row (SQLite's single writer,
 * PostgreSQL's row lock from the read "for update"), so for any one user the numbers follow commit
 * order; once its transaction has committed, the write stores its user unless a later write already
 * did. Every such change is stamped from the same counter, and a read from the database stores what
 * it found only if the user's entry did not change while it read. Without this, a read that saw the
 * row just before a commit could store the old user after it, or two commits of one user could be
 * remembered out of order. Reads "for update" always go to the database.
 *
 * <p>Every committed change of a user is announced to the other processes ({@link Changes}, in the
 * writing transaction); one they announce drops the user's entry here, stamped like a write, so a
 * read that started before cannot store the old user afterwards. While the announcements of others
 * may go unheard, entries live {@link Changes#DEGRADED_TTL} at most.
 */
final class CachingUserRepository implements UserRepository, Changes.Handler {
  static final String USER = "user";

  private static final int MAX_ENTRIES = 50_000;
  private final UserRepository delegate;
  private final TransactionHooks transactions;
  private final Clock clock;
  private final Duration ttl;
  private final Changes changes;

  /**
   * Numbers writes and stamps every change of a slot; a read compares the stamp with the value it
   * saw before reading.
   */
  private final AtomicLong events = new AtomicLong();

  private volatile long clearedAt;
  private final ConcurrentHashMap<WorkOsUserId, Slot> slots = new ConcurrentHashMap<>();

  /**
   * Which WorkOS id a user id belongs to, to find a user's slot by id (checked against the slot's
   * user).
   */
  private final ConcurrentHashMap<UserId, WorkOsUserId> keys = new ConcurrentHashMap<>();

  /**
   * {@code user} is the remembered user (null: read the database), remembered at {@code storedAt}
   * and served while the lifetime in force now has not passed since (so entries adopt a short
   * lifetime as soon as changes may go unheard); {@code writeNumber} the number of the last write
   * it reflects; {@code changedAt} the counter's value at the last change.
   */
  private record Slot(User user, Instant storedAt, long writeNumber, long changedAt) {
    boolean serves(Instant now, Duration ttl) {
      return user != null && storedAt.plus(ttl).isAfter(now);
    }
  }

  CachingUserRepository(
      UserRepository delegate, TransactionHooks transactions, Clock clock, Duration ttl) {
    this(delegate, transactions, clock, ttl, null);
  }

  /** {@code changes}: where changes are announced and heard; null for none. */
  CachingUserRepository(
      UserRepository delegate,
      TransactionHooks transactions,
      Clock clock,
      Duration ttl,
      Changes changes) {
    this.delegate = delegate;
    this.transactions = transactions;
    this.clock = clock;
    this.ttl = ttl;
    this.changes = changes;
  }

  private Duration ttl() {
    return changes == null ? ttl : changes.ttl(ttl);
  }

  private void announce(WorkOsUserId key) {
    if (changes != null) {
      changes.announce(USER, key.value());
    }
  }

  private void announceAll(List<String> workosUserIds) {
    if (changes != null && !workosUserIds.isEmpty()) {
      changes.announceEach(USER, workosUserIds);
    }
  }

  /** Another process changed this user: forget it (stamped, so no older read stores it again). */
  @Override
  public void changed(String kind, String[] args) {
    if (USER.equals(kind) && args.length == 1) {
      // stamped even when nothing is held: a read in flight must not store the user it saw
      makeRoom();
      slots.compute(
          new WorkOsUserId(args[0]),
          (k, old) ->
              new Slot(null, null, old == null ? 0 : old.writeNumber(), events.incrementAndGet()));
    }
  }

  /** Changes may have been missed: forget every user. */
  @Override
  public void missedSome() {
    clearedAt = events.incrementAndGet();
    slots.clear();
    keys.clear();
  }

  @Override
  public Optional<User> findByWorkosUserId(WorkOsUserId workosUserId) {
    Slot slot = slots.get(workosUserId);
    Instant now = clock.instant();
    if (slot != null && slot.serves(now, ttl())) {
      return Optional.of(slot.user());
    }
    long seen = events.get();
    Optional<User> found = delegate.findByWorkosUserId(workosUserId);
    found.ifPresent(user -> rememberRead(workosUserId, user, seen, now));
    return found;
  }

  @Override
  public Optional<User> findById(UserId id) {
    Instant now = clock.instant();
    WorkOsUserId key = keys.get(id);
    if (key != null) {
      Slot slot = slots.get(key);
      // a WorkOS id deleted and signed in again belongs to a new user id: serve only the same user
      if (slot != null && slot.serves(now, ttl()) && slot.user().id().equals(id)) {
        return Optional.of(slot.user());
      }
    }
    long seen = events.get();
    Optional<User> found = delegate.findById(id);
    found.ifPresent(user -> rememberRead(user.workosUserId(), user, seen, now));
    return found;
  }

  @Override
  public boolean insertIfAbsent(User user) {
    long number = events.incrementAndGet();
    try {
      return delegate.insertIfAbsent(user);
    } finally {
      // another process may have won the insert: only a read learns what the database holds
      endWriteAfterTransaction(user.workosUserId(), number, null);
    }
  }

  @Override
  public Set<UserId> insertAllIfAbsent(List<User> users) {
    long[] numbers = new long[users.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = events.incrementAndGet();
    }
    try {
      return delegate.insertAllIfAbsent(users);
    } finally {
      for (int i = 0; i < numbers.length; i++) {
        endWriteAfterTransaction(users.get(i).workosUserId(), numbers[i], null);
      }
    }
  }

  @Override
  public void update(User user) {
    long number = events.incrementAndGet();
    boolean written = false;
    try {
      delegate.update(user);
      announce(user.workosUserId());
      written = true;
    } finally {
      endWriteAfterTransaction(user.workosUserId(), number, written ? user : null);
    }
  }

  @Override
  public boolean updateIfUnchanged(User expected, User updated) {
    long number = events.incrementAndGet();
    boolean written = false;
    try {
      written = delegate.updateIfUnchanged(expected, updated);
      if (written) {
        announce(updated.workosUserId());
      }
      return written;
    } finally {
      // not written: the row changed behind this cache, so forget it and let the next read learn
      endWriteAfterTransaction(updated.workosUserId(), number, written ? updated : null);
    }
  }

  @Override
  public Set<UserId> updateAllIfUnchanged(List<OptimisticUpdate> updates) {
    long[] numbers = new long[updates.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = events.incrementAndGet();
    }
    Set<UserId> written = Set.of();
    try {
      written = delegate.updateAllIfUnchanged(updates);
      List<String> changed = new ArrayList<>(written.size());
      for (OptimisticUpdate update : updates) {
        if (written.contains(update.updated().id())) {
          changed.add(update.updated().workosUserId().value());
        }
      }
      announceAll(changed);
      return written;
    } finally {
      // not written: the row changed behind this cache, so forget it and let the next read learn
      for (int i = 0; i < numbers.length; i++) {
        User updated = updates.get(i).updated();
        endWriteAfterTransaction(
            updated.workosUserId(), numbers[i], written.contains(updated.id()) ? updated : null);
      }
    }
  }

  @Override
  public void delete(User user) {
    long number = events.incrementAndGet();
    try {
      delegate.delete(user);
      announce(user.workosUserId());
    } finally {
      endWriteAfterTransaction(user.workosUserId(), number, null);
    }
  }

  /**
   * {@code written} is remembered if the transaction commits and no later write of this user is
   * remembered.
   */
  private void endWriteAfterTransaction(WorkOsUserId key, long number, User written) {
    transactions.afterTransaction(
        committed -> {
          makeRoom();
          slots.compute(
              key,
              (k, old) -> {
                long changedAt = events.incrementAndGet();
                long lastWrite = old == null ? 0 : old.writeNumber();
                if (!committed || number < lastWrite) {
                  return old == null
                      ? null
                      : new Slot(old.user(), old.storedAt(), lastWrite, changedAt);
                }
                if (written == null) {
                  return new Slot(null, null, number, changedAt);
                }
                keys.put(written.id(), k);
                return new Slot(written, clock.instant(), number, changedAt);
              });
        });
  }

  private void rememberRead(WorkOsUserId key, User user, long seen, Instant storedAt) {
    makeRoom();
    slots.compute(
        key,
        (k, old) -> {
          if (clearedAt > seen || old != null && old.changedAt() > seen) {
            return old;
          }
          keys.put(user.id(), k);
          return new Slot(
              user,
              storedAt,
              old == null ? 0 : old.writeNumber(),
              old == null ? seen : old.changedAt());
        });
  }

  private void makeRoom() {
    if (slots.size() >= MAX_ENTRIES || keys.size() >= MAX_ENTRIES) {
      missedSome();
    }
  }

  @Override
  public Optional<User> findByIdForUpdate(UserId id) {
    return delegate.findByIdForUpdate(id);
  }

  @Override
  public Optional<User> findByWorkosUserIdForUpdate(WorkOsUserId id) {
    return delegate.findByWorkosUserIdForUpdate(id);
  }

  @Override
  public List<User> findByEmail(Email email) {
    return delegate.findByEmail(email);
  }

  @Override
  public List<User> search(UserSearch search) {
    return delegate.search(search);
  }

  @Override
  public List<UserId> lockActiveAdminIds() {
    return delegate.lockActiveAdminIds();
  }
}
