package com.datamingle.application.port.in.sync;

import com.datamingle.domain.user.WorkOsSessionRevoked;
import com.datamingle.domain.user.WorkOsUserEvent;

/**
 * Use case: a WorkOS user event (from a webhook or the Events API) brings the local user up to
 * date. Each event id is processed once; an event whose data is not newer than what was applied
 * changes nothing; {@code user.created}/{@code user.updated} create or update the user's email,
 * names and picture; {@code user.deleted} deactivates the user and records when (the row stays
 * until purged). All of it in one transaction.
 */
public interface ApplyWorkOsEventUseCase {

  Outcome apply(WorkOsUserEvent event);

  /**
   * A WorkOS {@code session.revoked}: every token of that session is refused from now on, on every
   * process of the service (recorded once per event id, like a user event).
   */
  Outcome apply(WorkOsSessionRevoked event);

  /** What an event did. */
  enum Outcome {
    /** The event changed the local state. */
    APPLIED,
    /** This event id was processed before. */
    DUPLICATE,
    /** The data held is as new or newer, or WorkOS deleted the user: nothing changed. */
    STALE
  }
}
