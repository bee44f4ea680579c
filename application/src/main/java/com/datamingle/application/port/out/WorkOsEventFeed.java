package com.datamingle.application.port.out;

import com.datamingle.domain.user.WorkOsSessionRevoked;
import com.datamingle.domain.user.WorkOsUserEvent;
import java.util.List;

/**
 * Outbound port: WorkOS's Events API, user events in the order WorkOS recorded them.
 *
 * @throws IdentityProviderUnavailable (from each method) when WorkOS cannot be asked
 */
public interface WorkOsEventFeed {

  /**
   * At most {@code limit} events after the event {@code afterEventId} (null: from the oldest kept).
   */
  List<Entry> after(String afterEventId, int limit);

  /**
   * One event: its id, and the user event or the session revocation when it is one this service
   * consumes (both null otherwise).
   */
  record Entry(String eventId, WorkOsUserEvent userEvent, WorkOsSessionRevoked sessionRevoked) {
    public Entry(String eventId, WorkOsUserEvent userEvent) {
      this(eventId, userEvent, null);
    }
  }
}
