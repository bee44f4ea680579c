package com.datamingle.application.port.in.sync;

/**
 * Use case: pulls WorkOS user events from the Events API, after the stored cursor, and applies each
 * one as a webhook would; the cursor moves with every event applied, so an interrupted run resumes
 * where it stopped and a replayed event is a duplicate.
 */
public interface SyncWorkOsEventsUseCase {

  /** The cursor's name in the store. */
  String CURSOR = "workos_events";

  /**
   * Reads pages of at most {@code pageSize} events until WorkOS has no more. {@code fromStart}
   * ignores the stored cursor and reads every event WorkOS still keeps (30 days): for a cursor
   * WorkOS no longer knows; events already applied come back as duplicates or stale.
   */
  Report syncOnce(int pageSize, boolean fromStart);

  /** How a run went: events read, what each did, and the cursor after it (null: none yet). */
  record Report(int events, int applied, int duplicates, int stale, int ignored, String cursor) {}
}
