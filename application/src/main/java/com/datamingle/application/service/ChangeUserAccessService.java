package com.datamingle.application.service;

import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.domain.user.LastActiveAdmin;
import com.datamingle.domain.user.User;
import java.time.Clock;
import java.time.Instant;

/**
 * Changes the flags under a lock on the active admins, so two admins demoting each other at the
 * same moment cannot both succeed and leave nobody in charge.
 */
record ChangeUserAccessService(
    UserRepository users, UserLookup lookup, UnitOfWork unitOfWork, Clock clock)
    implements ChangeUserAccessUseCase {

  @Override
  public User changeUserAccess(Command command) {
    User target = lookup.resolve(command.user());
    return unitOfWork.inTransaction(
        () -> {
          var activeAdmins = users.lockActiveAdminIds();
          User current = lookup.byIdForUpdate(target.id());
          Instant now = clock.instant();
          User updated = current;
          if (command.active() != null) {
            updated = updated.withActive(command.active(), now);
          }
          if (command.admin() != null) {
            updated = updated.withAdmin(command.admin(), now);
          }
          if (updated == current) {
            return current;
          }
          if (current.isActiveAdmin() && !updated.isActiveAdmin() && activeAdmins.size() <= 1) {
            throw new LastActiveAdmin(current.id());
          }
          users.update(updated);
          return updated;
        });
  }
}
