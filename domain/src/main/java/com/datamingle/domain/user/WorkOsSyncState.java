package com.datamingle.domain.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What this service has applied of one WorkOS user's record, as WorkOS dates it: the WorkOS {@code
 * updated_at} of the newest data applied (null: nothing yet), and when WorkOS deleted the user
 * (null: not deleted). WorkOS delivers events unordered and repeated; this decides which ones still
 * change anything. A deletion is final: WorkOS never reuses a user id.
 */
public record WorkOsSyncState(
    WorkOsUserId workosUserId, Instant workosUpdatedAt, Instant deletedAt) {

  public WorkOsSyncState {
    Objects.requireNonNull(workosUserId, "workosUserId");
    workosUpdatedAt =
        workosUpdatedAt == null ? null : workosUpdatedAt.truncatedTo(ChronoUnit.MILLIS);
    deletedAt = deletedAt == null ? null : deletedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A WorkOS user of whom nothing has been applied yet. */
  public static WorkOsSyncState unseen(WorkOsUserId workosUserId) {
    return new WorkOsSyncState(workosUserId, null, null);
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  /**
   * Whether data that WorkOS dated {@code updatedAt} is newer than what was applied. Data of the
   * same date is not newer (a repeat), except a deletion, which wins a tie with the update it
   * follows. Nothing is newer than a deletion.
   */
  public boolean isOlderThan(Instant updatedAt, boolean deletion) {
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (deleted()) {
      return false;
    }
    if (workosUpdatedAt == null) {
      return true;
    }
    int order = updatedAt.truncatedTo(ChronoUnit.MILLIS).compareTo(workosUpdatedAt);
    return order > 0 || order == 0 && deletion;
  }

  /** After data dated {@code updatedAt} was applied. */
  public WorkOsSyncState applied(Instant updatedAt) {
    return new WorkOsSyncState(workosUserId, updatedAt, null);
  }

  /** After WorkOS deleted the user at {@code when}, with its last data dated {@code updatedAt}. */
  public WorkOsSyncState deletedAt(Instant updatedAt, Instant when) {
    return new WorkOsSyncState(workosUserId, updatedAt, Objects.requireNonNull(when, "when"));
  }
}
