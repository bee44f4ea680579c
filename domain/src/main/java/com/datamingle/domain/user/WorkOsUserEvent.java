package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A WorkOS event about one user, as a webhook or the Events API delivers it: its id (each id is
 * processed once), what happened, the user's data as WorkOS holds it after the change, and the
 * WorkOS {@code updated_at} of that data, which orders events that arrive out of order.
 */
public record WorkOsUserEvent(
    String eventId,
    Kind kind,
    WorkOsUserId workosUserId,
    IdentityProfile profile,
    Instant workosUpdatedAt,
    Instant occurredAt) {
  public static final int MAX_EVENT_ID_LENGTH = 100;

  /** The user events this service consumes, by their WorkOS names. */
  public enum Kind {
    CREATED("user.created"),
    UPDATED("user.updated"),
    DELETED("user.deleted");

    private final String eventName;

    Kind(String eventName) {
      this.eventName = eventName;
    }

    public String eventName() {
      return eventName;
    }

    /** The kind of a WorkOS event name; empty for events this service does not consume. */
    public static Optional<Kind> ofEventName(String name) {
      return Arrays.stream(values()).filter(k -> k.eventName.equals(name)).findFirst();
    }
  }

  public WorkOsUserEvent {
    if (eventId == null || eventId.isBlank() || eventId.length() > MAX_EVENT_ID_LENGTH) {
      throw new InvalidValueException(
          "id", "an event id must be 1 to " + MAX_EVENT_ID_LENGTH + " characters");
    }
    PlainText.check("id", eventId);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(workosUserId, "workosUserId");
    Objects.requireNonNull(profile, "profile");
    if (workosUpdatedAt == null) {
      throw new InvalidValueException(
          "data.updated_at", "a user event must carry the user's updated_at");
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  public boolean deletion() {
    return kind == Kind.DELETED;
  }
}
