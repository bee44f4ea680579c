package com.datamingle.application.port.out;

import com.datamingle.domain.user.WorkOsSyncState;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outbound port: what the sync with WorkOS has processed and applied, per event, user and cursor.
 */
public interface WorkOsSyncStore {

  /**
   * Records a processed event id; never fails on a repeat, so concurrent deliveries of one event
   * record it once.
   *
   * @return true when this call recorded it (false: it was processed before)
   */
  boolean recordEvent(String eventId, String eventType, Instant receivedAt);

  /**
   * The user's sync state, locked until the transaction ends (an unseen user gets a row first, so
   * concurrent events of one user are applied one after the other).
   */
  WorkOsSyncState lockState(WorkOsUserId workosUserId);

  Optional<WorkOsSyncState> findState(WorkOsUserId workosUserId);

  /** Writes the state of a user whose row {@link #lockState} holds. */
  void saveState(WorkOsSyncState state);

  /** The last event id processed by the poller of this name. */
  Optional<String> cursor(String name);

  void saveCursor(String name, String lastEventId, Instant at);

  /** The WorkOS users deleted before the cutoff, in id order. */
  List<WorkOsUserId> deletedBefore(Instant cutoff);

  int countEventsReceivedBefore(Instant cutoff);

  /**
   * When the newest event still remembered was processed (by the webhook or the poller), or empty
   * when none is.
   */
  Optional<Instant> lastEventReceivedAt();

  /**
   * @return how many event ids were forgotten
   */
  int forgetEventsReceivedBefore(Instant cutoff);
}
