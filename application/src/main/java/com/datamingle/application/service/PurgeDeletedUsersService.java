package com.datamingle.application.service;

import com.datamingle.application.port.in.sync.PurgeDeletedUsersUseCase;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes users deleted at WorkOS before a cutoff, and old processed event ids, in one transaction.
 */
final class PurgeDeletedUsersService implements PurgeDeletedUsersUseCase {
  private final UserRepository users;
  private final WorkOsSyncStore sync;
  private final UnitOfWork unitOfWork;

  PurgeDeletedUsersService(UserRepository users, WorkOsSyncStore sync, UnitOfWork unitOfWork) {
    this.users = users;
    this.sync = sync;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public Result purge(Command command) {
    return unitOfWork.inTransaction(
        () -> {
          List<User> gone = new ArrayList<>();
          for (WorkOsUserId id : sync.deletedBefore(command.deletedBefore())) {
            Optional<User> user = users.findByWorkosUserIdForUpdate(id);
            if (user.isPresent()) {
              gone.add(user.get());
              if (!command.dryRun()) {
                users.delete(user.get());
              }
            }
          }
          int events =
              command.dryRun()
                  ? sync.countEventsReceivedBefore(command.eventsReceivedBefore())
                  : sync.forgetEventsReceivedBefore(command.eventsReceivedBefore());
          return new Result(List.copyOf(gone), events);
        });
  }
}
