package com.datamingle.application.port.out;

import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Outbound port: loads and stores users. The {@code ...ForUpdate} finders, called inside a {@link
 * UnitOfWork}, also lock what they read until the transaction ends, so that a read-modify-write
 * cannot lose a concurrent change.
 */
public interface UserRepository {

  Optional<User> findById(UserId id);

  Optional<User> findByIdForUpdate(UserId id);

  Optional<User> findByWorkosUserId(WorkOsUserId workosUserId);

  Optional<User> findByWorkosUserIdForUpdate(WorkOsUserId workosUserId);

  /** Every user with this email, oldest first (emails are not unique: WorkOS ids are). */
  List<User> findByEmail(Email email);

  /**
   * Inserts the user unless one with the same WorkOS user id exists; never fails on that conflict,
   * so concurrent first sign-ins yield exactly one row.
   *
   * @return true when this call inserted the row
   */
  boolean insertIfAbsent(User user);

  /**
   * {@link #insertIfAbsent} for several users at once, in one statement where the database allows
   * (first sign-ins that arrived together). Users whose WorkOS id exists already, or comes twice in
   * {@code users}, are skipped (only the first of a repeated id is inserted).
   *
   * @return the ids of the users this call inserted
   */
  default Set<UserId> insertAllIfAbsent(List<User> users) {
    Set<UserId> inserted = new HashSet<>();
    for (User user : users) {
      if (insertIfAbsent(user)) {
        inserted.add(user.id());
      }
    }
    return inserted;
  }

  /** Writes every mutable field of an existing user. */
  void update(User user);

  /**
   * Writes every mutable field of {@code updated} only if the stored user still is exactly {@code
   * expected} (every field equal, nulls included), in one statement, without a prior read: an
   * optimistic write. False when the row changed or is gone since {@code expected} was read; then
   * nothing was written, and the caller reads "for update" and tries again.
   */
  boolean updateIfUnchanged(User expected, User updated);

  /** {@code updated}, to be written only if the stored user still is exactly {@code expected}. */
  record OptimisticUpdate(User expected, User updated) {
    public OptimisticUpdate {
      if (!expected.id().equals(updated.id())) {
        throw new IllegalArgumentException(
            "expected and updated are different users: " + expected.id() + ", " + updated.id());
      }
    }
  }

  /**
   * {@link #updateIfUnchanged} for several users at once, in one statement where the database
   * allows (optimistic writes of different users that arrived together). Each user at most once.
   *
   * @return the ids of the users this call wrote
   */
  default Set<UserId> updateAllIfUnchanged(List<OptimisticUpdate> updates) {
    Set<UserId> written = new HashSet<>();
    for (OptimisticUpdate update : updates) {
      if (updateIfUnchanged(update.expected(), update.updated())) {
        written.add(update.updated().id());
      }
    }
    return written;
  }

  /** Removes the user's row (an operator's purge of a user WorkOS deleted). */
  void delete(User user);

  /** One page of users in id order, after the given id, matching the filters. */
  List<User> search(UserSearch search);

  /** The ids of the active admins; inside a transaction they stay locked until it ends. */
  List<UserId> lockActiveAdminIds();
}
