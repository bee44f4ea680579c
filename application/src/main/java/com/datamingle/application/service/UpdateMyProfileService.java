package com.datamingle.application.service;

import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserDeactivated;
import java.time.Clock;

final class UpdateMyProfileService implements UpdateMyProfileUseCase {
  private final UserRepository users;
  private final UserLookup lookup;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  UpdateMyProfileService(UserRepository users, UserLookup lookup, UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.lookup = lookup;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public User updateMyProfile(Command command) {
    return unitOfWork.inTransaction(() -> {
      User current = lookup.byIdForUpdate(command.me());
      if (!current.active()) {
        throw new UserDeactivated(current.id());
      }
      User updated = current.withProfile(command.update(), clock.instant());
      if (updated != current) {
        users.update(updated);
      }
      return updated;
    });
  }
}
