package com.datamingle.adapter.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of error, so clients can branch on
 * it; {@code errors} holds one message per field for validation failures. Text taken from a request
 * (a field name, a value echoed in a message) may hold a lone UTF-16 surrogate, which no UTF-8
 * document can carry: each is replaced by U+FFFD here, so every problem serialises to valid UTF-8
 * whatever the request held.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, Map<String, String> errors) {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String BASE = "urn:datamingle:problem:";

  public Problem {
    type = wellFormed(type);
    title = wellFormed(title);
    detail = wellFormed(detail);
    if (errors != null) {
      Map<String, String> copy = new LinkedHashMap<>();
      errors.forEach((field, message) -> copy.put(wellFormed(field), wellFormed(message)));
      errors = Collections.unmodifiableMap(copy);
    }
  }

  public static Problem of(Kind kind, String detail) {
    return new Problem(BASE + kind.slug, kind.title, kind.status, detail, null);
  }

  public static Problem invalid(String detail, Map<String, String> errors) {
    return new Problem(
        BASE + Kind.VALIDATION.slug, Kind.VALIDATION.title, Kind.VALIDATION.status, detail, errors);
  }

  /**
   * The text with every unpaired surrogate replaced by U+FFFD (the text itself when it has none).
   */
  static String wellFormed(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
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
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    MISDIRECTED(421, "misdirected-request", "Misdirected request"),
    VALIDATION(422, "validation", "Validation failed"),
    HEADERS_TOO_LARGE(431, "request-headers-too-large", "Request header fields too large"),
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

    public String type() {
      return BASE + slug;
    }
  }
}
