package com.datamingle.adapter.persistence.user;

import com.datamingle.adapter.persistence.tx.TransactionHooks;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Persistence adapter: remembers users looked up by WorkOS id for a short time, so that the
 * sign-in check of every request does not read the database. A change made by another process
 * shows after at most {@code ttl}; a change made through this repository shows as soon as its
 * transaction has committed, and the written user is remembered then (write-through), so the
 * next request of that user reads nothing.
 *
 * <p>Each user has a slot that survives its cached value. A write marks the slot in flight and
 * takes a number from one counter while it holds the row (SQLite's single writer, PostgreSQL's
 * row lock from the read "for update"), so for any one user the numbers follow commit order; when
 * its transaction has committed, the write stores its user unless a later write already did. A
 * read from the database stores what it found only if nothing happened to the slot while it read
 * and no write is in flight. Without this, a read that saw the row just before a commit could
 * store the old user after it, or two commits of one user could be remembered out of order.
 * Reads "for update" always go to the database.
 */
public final class CachingUserRepository implements UserRepository {
  private static final int MAX_ENTRIES = 50_000;
  private final UserRepository delegate;
  private final TransactionHooks transactions;
  private final Clock clock;
  private final Duration ttl;
  /** Numbers every change of a slot; a read compares it with the value it saw before reading. */
  private final AtomicLong events = new AtomicLong();
  private volatile long clearedAt;
  private final ConcurrentHashMap<WorkOsUserId, Slot> slots = new ConcurrentHashMap<>();

  /**
   * {@code user} is the remembered user (null: read the database) until {@code until};
   * {@code writeNumber} the number of the last write it reflects; {@code inFlight} the writes
   * not yet ended; {@code changedAt} the event number of the last change.
   */
  private record Slot(User user, Instant until, long writeNumber, int inFlight, long changedAt) {
    boolean serves(Instant now) {
      return user != null && until.isAfter(now);
    }
  }

  public CachingUserRepository(UserRepository delegate, TransactionHooks transactions, Clock clock, Duration ttl) {
    this.delegate = delegate;
    this.transactions = transactions;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public Optional<User> findByWorkosUserId(WorkOsUserId workosUserId) {
    Slot slot = slots.get(workosUserId);
    Instant now = clock.instant();
    if (slot != null && slot.serves(now)) {
      return Optional.of(slot.user());
    }
    long seen = events.get();
    Optional<User> found = delegate.findByWorkosUserId(workosUserId);
    found.ifPresent(user -> rememberRead(workosUserId, user, seen, now.plus(ttl)));
    return found;
  }

  @Override
  public boolean insertIfAbsent(User user) {
    long number = beginWrite(user.workosUserId());
    try {
      return delegate.insertIfAbsent(user);
    } finally {
      // another process may have won the insert: only a read learns what the database holds
      endWriteAfterTransaction(user.workosUserId(), number, null);
    }
  }

  @Override
  public void update(User user) {
    long number = beginWrite(user.workosUserId());
    boolean written = false;
    try {
      delegate.update(user);
      written = true;
    } finally {
      endWriteAfterTransaction(user.workosUserId(), number, written ? user : null);
    }
  }

  @Override
  public void delete(User user) {
    long number = beginWrite(user.workosUserId());
    try {
      delegate.delete(user);
    } finally {
      endWriteAfterTransaction(user.workosUserId(), number, null);
    }
  }

  private long beginWrite(WorkOsUserId key) {
    makeRoom();
    long number = events.incrementAndGet();
    slots.compute(key, (k, old) -> new Slot(null, null, old == null ? 0 : old.writeNumber(),
        old == null ? 1 : old.inFlight() + 1, number));
    return number;
  }

  /** {@code written} is remembered if the transaction commits and no later write of this user is remembered. */
  private void endWriteAfterTransaction(WorkOsUserId key, long number, User written) {
    transactions.afterTransaction(committed -> slots.compute(key, (k, old) -> {
      long changedAt = events.incrementAndGet();
      int inFlight = old == null ? 0 : Math.max(0, old.inFlight() - 1);
      long lastWrite = old == null ? 0 : old.writeNumber();
      if (committed && written != null && number > lastWrite) {
        return new Slot(written, clock.instant().plus(ttl), number, inFlight, changedAt);
      }
      if (committed && number > lastWrite) {
        return new Slot(null, null, number, inFlight, changedAt);
      }
      return new Slot(old == null ? null : old.user(), old == null ? null : old.until(), lastWrite, inFlight, changedAt);
    }));
  }

  private void rememberRead(WorkOsUserId key, User user, long seen, Instant until) {
    makeRoom();
    slots.compute(key, (k, old) -> {
      if (clearedAt > seen || old != null && (old.changedAt() > seen || old.inFlight() > 0)) {
        return old;
      }
      return new Slot(user, until, old == null ? 0 : old.writeNumber(), 0, old == null ? seen : old.changedAt());
    });
  }

  private void makeRoom() {
    if (slots.size() >= MAX_ENTRIES) {
      clearedAt = events.incrementAndGet();
      slots.clear();
    }
  }

  @Override public Optional<User> findById(UserId id) { return delegate.findById(id); }
  @Override public Optional<User> findByIdForUpdate(UserId id) { return delegate.findByIdForUpdate(id); }
  @Override public Optional<User> findByWorkosUserIdForUpdate(WorkOsUserId id) { return delegate.findByWorkosUserIdForUpdate(id); }
  @Override public List<User> findByEmail(Email email) { return delegate.findByEmail(email); }
  @Override public List<User> search(UserSearch search) { return delegate.search(search); }
  @Override public List<UserId> lockActiveAdminIds() { return delegate.lockActiveAdminIds(); }
}
