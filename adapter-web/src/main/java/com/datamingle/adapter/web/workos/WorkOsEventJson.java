package com.datamingle.adapter.web.workos;

import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.PictureUrl;
import com.datamingle.domain.user.WorkOsSessionRevoked;
import com.datamingle.domain.user.WorkOsUserEvent;
import com.datamingle.domain.user.WorkOsUserId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a WorkOS event object (a user event, or {@code session.revoked}) ({@code
 * {"object":"event","id":..., "event":..., "data":{...}, "created_at":...}}), the same from a
 * webhook and from the Events API. Unknown fields are ignored: WorkOS keeps adding them. A name or
 * picture WorkOS holds in a form this service does not accept is left out rather than refusing the
 * whole event; the id, email and dates must be valid.
 */
public final class WorkOsEventJson {

  private WorkOsEventJson() {}

  /** The event's id, and the user event when it is one this service consumes. */
  public static WorkOsEventFeed.Entry parse(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new InvalidValueException("event", "a WorkOS event is a JSON object");
    }
    String id = text(event, "id");
    if (id == null || id.isBlank() || id.length() > WorkOsUserEvent.MAX_EVENT_ID_LENGTH) {
      throw new InvalidValueException(
          "id",
          "a WorkOS event needs an id of 1 to "
              + WorkOsUserEvent.MAX_EVENT_ID_LENGTH
              + " characters");
    }
    PlainText.check("id", id);
    if (WorkOsSessionRevoked.EVENT_NAME.equals(text(event, "event"))) {
      return new WorkOsEventFeed.Entry(id, null, sessionRevoked(id, event));
    }
    Optional<WorkOsUserEvent.Kind> kind = WorkOsUserEvent.Kind.ofEventName(text(event, "event"));
    if (kind.isEmpty()) {
      return new WorkOsEventFeed.Entry(id, null);
    }
    JsonNode data = event.get("data");
    if (data == null || !data.isObject()) {
      throw new InvalidValueException(
          "data", "a " + kind.get().eventName() + " event carries the user in data");
    }
    WorkOsUserId user = new WorkOsUserId(text(data, "id"));
    IdentityProfile profile = profile(data);
    Instant updatedAt = time(data, "updated_at", "data.updated_at");
    Instant createdAt =
        event.hasNonNull("created_at") ? time(event, "created_at", "created_at") : updatedAt;
    return new WorkOsEventFeed.Entry(
        id, new WorkOsUserEvent(id, kind.get(), user, profile, updatedAt, createdAt));
  }

  /** A {@code session.revoked} event: its data is the session object (id, user_id, ...). */
  private static WorkOsSessionRevoked sessionRevoked(String id, JsonNode event) {
    JsonNode data = event.get("data");
    if (data == null || !data.isObject()) {
      throw new InvalidValueException(
          "data", "a " + WorkOsSessionRevoked.EVENT_NAME + " event carries the session in data");
    }
    WorkOsUserId user = new WorkOsUserId(text(data, "user_id"));
    Instant at =
        event.hasNonNull("created_at")
            ? time(event, "created_at", "created_at")
            : data.hasNonNull("updated_at")
                ? time(data, "updated_at", "data.updated_at")
                : Instant.now();
    return new WorkOsSessionRevoked(id, text(data, "id"), user, at);
  }

  /**
   * The profile in a WorkOS user object (an event's {@code data}, or {@code GET
   * /user_management/users/{id}}): the email must be valid; a name or picture this service does not
   * accept is left out.
   */
  public static IdentityProfile profile(JsonNode user) {
    return new IdentityProfile(
        new Email(text(user, "email")),
        lenient(() -> PersonName.ofNullable(text(user, "first_name"))),
        lenient(() -> PersonName.ofNullable(text(user, "last_name"))),
        lenient(() -> PictureUrl.ofNullable(text(user, "profile_picture_url"))));
  }

  private static Instant time(JsonNode node, String field, String name) {
    String value = text(node, field);
    if (value == null) {
      throw new InvalidValueException(name, name + " is required (an ISO-8601 time)");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          name, name + " must be an ISO-8601 time such as 2026-05-01T10:00:00.000Z");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  private static <T> T lenient(java.util.function.Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
