package com.datamingle.adapter.persistence.sync;

import com.datamingle.domain.user.WorkOsSyncState;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;

/** One row of {@code workos_user_sync}; maps to and from the domain at this boundary. */
record SyncStateRow(String workosUserId, Instant workosUpdatedAt, Instant deletedAt) {

  static SyncStateRow from(WorkOsSyncState state) {
    return new SyncStateRow(
        state.workosUserId().value(), state.workosUpdatedAt(), state.deletedAt());
  }

  WorkOsSyncState toDomain() {
    return new WorkOsSyncState(new WorkOsUserId(workosUserId), workosUpdatedAt, deletedAt);
  }
}
