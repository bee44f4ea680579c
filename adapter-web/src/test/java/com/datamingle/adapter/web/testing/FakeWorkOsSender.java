package com.datamingle.adapter.web.testing;

import com.datamingle.adapter.web.workos.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sends webhook deliveries the way WorkOS does: a user event as JSON, signed with the endpoint's
 * secret.
 */
public final class FakeWorkOsSender {
  private final Http http;
  private final String secret;

  public FakeWorkOsSender(Http http, String secret) {
    this.http = http;
    this.secret = secret;
  }

  /** A WorkOS user event body. */
  public static String userEvent(
      String eventId,
      String type,
      String userId,
      String email,
      String firstName,
      Instant updatedAt) {
    return "{\"object\":\"event\",\"id\":\""
        + eventId
        + "\",\"event\":\""
        + type
        + "\",\"data\":{\"object\":\"user\",\"id\":\""
        + userId
        + "\",\"email\":\""
        + email
        + "\",\"email_verified\":true,\"first_name\":"
        + (firstName == null ? "null" : "\"" + firstName + "\"")
        + ",\"last_name\":null,\"profile_picture_url\":null,"
        + "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\""
        + updatedAt
        + "\",\"metadata\":{}},"
        + "\"created_at\":\""
        + updatedAt
        + "\"}";
  }

  /** Delivers the body signed now. */
  public Http.Response deliver(String body) {
    return deliverSignedAt(body, Instant.now());
  }

  /**
   * Delivers the body signed at the given time (a replay of an old delivery, or a skewed clock).
   */
  public Http.Response deliverSignedAt(String body, Instant signedAt) {
    String header =
        new WebhookSignature(
                secret, Clock.fixed(signedAt, java.time.ZoneOffset.UTC), Duration.ofSeconds(180))
            .header(body.getBytes(StandardCharsets.UTF_8));
    return deliverWithHeader(body, header);
  }

  public Http.Response deliverWithHeader(String body, String signatureHeader) {
    Map<String, String> headers =
        signatureHeader == null
            ? Map.of("Content-Type", "application/json")
            : Map.of("Content-Type", "application/json", WebhookSignature.HEADER, signatureHeader);
    return http.send("POST", "/webhooks/workos", headers, body);
  }
}
