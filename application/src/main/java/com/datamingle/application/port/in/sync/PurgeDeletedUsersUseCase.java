package com.datamingle.application.port.in.sync;

import com.datamingle.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Use case (operators): removes the rows of users that WorkOS deleted before a cutoff, and forgets
 * processed event ids received before another (WorkOS retries for 3 days and keeps events for 30).
 * What WorkOS deleted stays recorded, so a late event or a still-valid token never brings a purged
 * user back.
 */
public interface PurgeDeletedUsersUseCase {

  Result purge(Command command);

  /** {@code dryRun}: report what would go, remove nothing. */
  record Command(Instant deletedBefore, Instant eventsReceivedBefore, boolean dryRun) {
    public Command {
      Objects.requireNonNull(deletedBefore, "deletedBefore");
      Objects.requireNonNull(eventsReceivedBefore, "eventsReceivedBefore");
    }
  }

  /** The users removed (or that would be), and how many event ids were forgotten (or would be). */
  record Result(List<User> users, int events) {}
}
