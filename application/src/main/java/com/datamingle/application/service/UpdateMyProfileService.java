package com.datamingle.application.service;

import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserRepository.OptimisticUpdate;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserDeactivated;
import com.datamingle.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Edits of one user's profile that arrive together are combined: the edits are applied one after
 * another in the order they were taken, the last state is written once and committed once. Each
 * caller gets the user as its own edit left it, and returns only after that commit. Edits of
 * different users run independently.
 *
 * <p>The write is optimistic first: the edits start from the user as the repository knows it
 * (usually from memory) and are written only if the stored row still holds exactly that user, in
 * one statement with no read before it. If the row changed meanwhile (another instance, an admin, a
 * WorkOS event), nothing was written, and the edits run again from the row read "for update". The
 * optimistic writes of different users that arrive together share one transaction and one commit
 * ({@link SharedTransactions}); every caller still returns only after that commit.
 */
final class UpdateMyProfileService implements UpdateMyProfileUseCase {
  /** At most this many edits of one user share a transaction. */
  static final int MAX_COMBINED_EDITS = 64;

  private final UserRepository users;
  private final UserLookup lookup;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final KeyedCombiner<UserId, ProfileUpdate, User> edits =
      new KeyedCombiner<>(MAX_COMBINED_EDITS, this::applyTogether);
  private final SharedTransactions<OptimisticUpdate, Boolean> optimisticWrites;

  UpdateMyProfileService(
      UserRepository users, UserLookup lookup, UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.lookup = lookup;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.optimisticWrites =
        new SharedTransactions<>(
            unitOfWork,
            MAX_COMBINED_EDITS,
            write -> write.expected().id(),
            this::writeTogether,
            this::writeAlone);
  }

  @Override
  public User updateMyProfile(Command command) {
    return edits.submit(command.me(), command.update());
  }

  private void applyTogether(UserId me, List<KeyedCombiner.Slot<ProfileUpdate, User>> batch) {
    Optional<User> known = users.findById(me);
    if (known.isPresent() && known.get().active() && appliedOptimistically(known.get(), batch)) {
      return;
    }
    unitOfWork.inTransaction(
        () -> {
          User stored = lookup.byIdForUpdate(me);
          if (!stored.active()) {
            throw new UserDeactivated(stored.id());
          }
          User latest = applyInOrder(stored, batch);
          if (latest != stored) {
            users.update(latest);
          }
          return latest;
        });
  }

  /**
   * True when the edits are settled: they changed nothing, or their result was written over {@code
   * basis}.
   */
  private boolean appliedOptimistically(
      User basis, List<KeyedCombiner.Slot<ProfileUpdate, User>> batch) {
    User latest = applyInOrder(basis, batch);
    if (latest == basis) {
      return true;
    }
    return optimisticWrites.submit(new OptimisticUpdate(basis, latest));
  }

  /**
   * Writes the optimistic writes of different users that arrived together, in id order, in one
   * statement where the database allows (one write alone in its own statement).
   */
  private void writeTogether(List<KeyedCombiner.Slot<OptimisticUpdate, Boolean>> batch) {
    if (batch.size() == 1) {
      // one user's write alone (the usual case for edits of one user): the plain statement is
      // cheaper than the one for many (measured)
      batch.get(0).succeed(writeAlone(batch.get(0).request()));
      return;
    }
    List<OptimisticUpdate> ordered = new ArrayList<>(batch.size());
    for (KeyedCombiner.Slot<OptimisticUpdate, Boolean> slot : batch) {
      ordered.add(slot.request());
    }
    ordered.sort(Comparator.comparing(write -> write.expected().id()));
    Set<UserId> written = users.updateAllIfUnchanged(ordered);
    for (KeyedCombiner.Slot<OptimisticUpdate, Boolean> slot : batch) {
      slot.succeed(written.contains(slot.request().expected().id()));
    }
  }

  private boolean writeAlone(OptimisticUpdate write) {
    return users.updateIfUnchanged(write.expected(), write.updated());
  }

  /** Applies each edit to the result of the one before; an edit that fails fails alone. */
  private User applyInOrder(User start, List<KeyedCombiner.Slot<ProfileUpdate, User>> batch) {
    User latest = start;
    for (KeyedCombiner.Slot<ProfileUpdate, User> slot : batch) {
      try {
        latest = latest.withProfile(slot.request(), clock.instant());
        slot.succeed(latest);
      } catch (RuntimeException e) {
        slot.fail(e);
      }
    }
    return latest;
  }
}
