package com.datamingle.adapter.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of error, so clients can branch
 * on it; {@code errors} holds one message per field for validation failures.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, Map<String, String> errors) {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String BASE = "urn:datamingle:problem:";

  public static Problem of(Kind kind, String detail) {
    return new Problem(BASE + kind.slug, kind.title, kind.status, detail, null);
  }

  public static Problem invalid(String detail, Map<String, String> errors) {
    return new Problem(BASE + Kind.VALIDATION.slug, Kind.VALIDATION.title, Kind.VALIDATION.status, detail, errors);
  }

  /** The kinds of error this API reports, each with its status and stable type. */
  public enum Kind {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    MISSING_TOKEN(401, "missing-token", "Authentication required"),
    INVALID_TOKEN(401, "invalid-token", "Invalid access token"),
    INVALID_SIGNATURE(401, "invalid-signature", "Invalid webhook signature"),
    DEACTIVATED(403, "account-deactivated", "Account deactivated"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict"),
    LAST_ADMIN(409, "last-active-admin", "Last active admin"),
    TOO_LARGE(413, "request-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    VALIDATION(422, "validation", "Validation failed"),
    UPSTREAM_UNAVAILABLE(503, "upstream-unavailable", "Service temporarily unavailable"),
    NOT_READY(503, "not-ready", "Not ready"),
    WEBHOOKS_NOT_CONFIGURED(503, "webhooks-not-configured", "Webhooks not configured"),
    INTERNAL(500, "internal", "Internal server error"),
    OTHER(400, "http-error", "Request failed");

    final int status;
    final String slug;
    final String title;

    Kind(int status, String slug, String title) {
      this.status = status;
      this.slug = slug;
      this.title = title;
    }
  }
}
