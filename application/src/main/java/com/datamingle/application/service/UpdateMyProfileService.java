package com.datamingle.application.service;

import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserDeactivated;
import com.datamingle.domain.user.UserId;
import java.time.Clock;
import java.util.List;

/**
 * Edits of one user's profile that arrive together are combined: one transaction reads the user
 * once, applies the edits one after another in the order they were taken, writes the last state
 * once and commits once. Each caller gets the user as its own edit left it, and returns only after
 * that commit. Edits of different users run independently.
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

  UpdateMyProfileService(UserRepository users, UserLookup lookup, UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.lookup = lookup;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public User updateMyProfile(Command command) {
    return edits.submit(command.me(), command.update());
  }

  private void applyTogether(UserId me, List<KeyedCombiner.Slot<ProfileUpdate, User>> batch) {
    unitOfWork.inTransaction(() -> {
      User stored = lookup.byIdForUpdate(me);
      if (!stored.active()) {
        throw new UserDeactivated(stored.id());
      }
      User latest = stored;
      for (KeyedCombiner.Slot<ProfileUpdate, User> slot : batch) {
        try {
          latest = latest.withProfile(slot.request(), clock.instant());
          slot.succeed(latest);
        } catch (RuntimeException e) {
          slot.fail(e);
        }
      }
      if (latest != stored) {
        users.update(latest);
      }
      return latest;
    });
  }
}
