package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A WorkOS {@code session.revoked} event (a sign-out, or an admin ending a session): from then on
 * every access token of that session ({@code sid}) is refused, wherever it was cached.
 */
public record WorkOsSessionRevoked(
    String eventId, String sessionId, WorkOsUserId workosUserId, java.time.Instant occurredAt) {
  public static final String EVENT_NAME = "session.revoked";
  private static final Pattern SESSION = Pattern.compile("session_[0-9A-Za-z]{1,100}");

  public WorkOsSessionRevoked {
    if (eventId == null
        || eventId.isBlank()
        || eventId.length() > WorkOsUserEvent.MAX_EVENT_ID_LENGTH) {
      throw new InvalidValueException(
          "id", "an event id must be 1 to " + WorkOsUserEvent.MAX_EVENT_ID_LENGTH + " characters");
    }
    PlainText.check("id", eventId);
    if (!isSessionId(sessionId)) {
      throw new InvalidValueException(
          "data.id",
          "a WorkOS session id looks like session_01H... (\"session_\" then letters and digits)");
    }
    Objects.requireNonNull(workosUserId, "workosUserId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** True for a WorkOS session id, the {@code sid} claim of its access tokens. */
  public static boolean isSessionId(String value) {
    return value != null && SESSION.matcher(value).matches();
  }
}
