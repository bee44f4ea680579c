package com.datamingle.adapter.web;

import java.time.Duration;
import java.util.List;

/**
 * How the HTTP server behaves. {@code corsAllowedOrigins}: browser origins allowed to call the API
 * (empty: none). {@code stopTimeout}: how long in-flight requests may finish on shutdown. {@code
 * devJwks}: the dev signing key's JWKS to serve at {@code /dev/jwks.json}, or null outside dev
 * mode. {@code workosWebhookSecret}: the secret WorkOS signs webhooks with, or null (webhooks are
 * then refused with 503); never printed.
 */
public record WebSettings(
    List<String> corsAllowedOrigins,
    long maxRequestBytes,
    Duration stopTimeout,
    String devJwks,
    String workosWebhookSecret) {
  public static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

  public WebSettings {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
  }

  public static WebSettings defaults() {
    return new WebSettings(
        List.of(), DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(15), null, null);
  }

  public WebSettings withWorkosWebhookSecret(String secret) {
    return new WebSettings(corsAllowedOrigins, maxRequestBytes, stopTimeout, devJwks, secret);
  }

  @Override
  public String toString() {
    return "WebSettings[corsAllowedOrigins="
        + corsAllowedOrigins
        + ", maxRequestBytes="
        + maxRequestBytes
        + ", stopTimeout="
        + stopTimeout
        + ", devJwks="
        + (devJwks == null ? "none" : "set")
        + ", workosWebhookSecret="
        + (workosWebhookSecret == null ? "none" : "***")
        + "]";
  }
}
