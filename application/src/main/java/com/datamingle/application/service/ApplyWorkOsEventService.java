package com.datamingle.application.service;

import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.TokenRevocations;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsSessionRevoked;
import com.datamingle.domain.user.WorkOsSyncState;
import com.datamingle.domain.user.WorkOsUserEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies one WorkOS user event in one transaction: records its id (a repeat stops there), locks
 * the user's sync state (events of one user apply one at a time), drops data that is not newer than
 * what was applied, then creates, updates or deactivates the user and records the new state.
 */
final class ApplyWorkOsEventService implements ApplyWorkOsEventUseCase {
  private final UserRepository users;
  private final WorkOsSyncStore sync;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final TokenRevocations revocations;
  private final Clock clock;

  ApplyWorkOsEventService(
      UserRepository users,
      WorkOsSyncStore sync,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      TokenRevocations revocations,
      Clock clock) {
    this.users = users;
    this.sync = sync;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.revocations = revocations;
    this.clock = clock;
  }

  @Override
  public Outcome apply(WorkOsUserEvent event) {
    return unitOfWork.inTransaction(
        () -> {
          Instant now = clock.instant();
          if (!sync.recordEvent(event.eventId(), event.kind().eventName(), now)) {
            return Outcome.DUPLICATE;
          }
          WorkOsSyncState state = sync.lockState(event.workosUserId());
          if (!state.isOlderThan(event.workosUpdatedAt(), event.deletion())) {
            return Outcome.STALE;
          }
          if (event.deletion()) {
            users
                .findByWorkosUserIdForUpdate(event.workosUserId())
                .filter(User::active)
                .ifPresent(user -> users.update(user.withActive(false, now)));
            sync.saveState(state.deletedAt(event.workosUpdatedAt(), event.occurredAt()));
          } else {
            createOrUpdate(event, now);
            sync.saveState(state.applied(event.workosUpdatedAt()));
          }
          return Outcome.APPLIED;
        });
  }

  @Override
  public Outcome apply(WorkOsSessionRevoked event) {
    return unitOfWork.inTransaction(
        () -> {
          if (!sync.recordEvent(
              event.eventId(), WorkOsSessionRevoked.EVENT_NAME, clock.instant())) {
            return Outcome.DUPLICATE;
          }
          revocations.revokeSession(event.workosUserId(), event.sessionId(), event.occurredAt());
          return Outcome.APPLIED;
        });
  }

  private void createOrUpdate(WorkOsUserEvent event, Instant now) {
    Optional<User> local = users.findByWorkosUserIdForUpdate(event.workosUserId());
    if (local.isEmpty()) {
      if (users.insertIfAbsent(
          User.register(ids.newUserId(), event.workosUserId(), event.profile(), now))) {
        return;
      }
      // a sign-in created the user meanwhile: update that row instead
      local = users.findByWorkosUserIdForUpdate(event.workosUserId());
    }
    User current =
        local.orElseThrow(
            () ->
                new IllegalStateException(
                    "user " + event.workosUserId() + " vanished during a sync"));
    User synced = current.syncedWith(event.profile(), now);
    if (synced != current) {
      users.update(synced);
    }
  }
}
