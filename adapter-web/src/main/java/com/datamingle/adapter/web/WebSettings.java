package com.datamingle.adapter.web;

import java.time.Duration;
import java.util.List;

/**
 * How the HTTP server behaves. {@code corsAllowedOrigins}: browser origins allowed to call the
 * API (empty: none). {@code stopTimeout}: how long in-flight requests may finish on shutdown.
 * {@code devJwks}: the dev signing key's JWKS to serve at {@code /dev/jwks.json}, or null outside
 * dev mode.
 */
public record WebSettings(List<String> corsAllowedOrigins, long maxRequestBytes, Duration stopTimeout, String devJwks) {
  public static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

  public WebSettings {
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
  }

  public static WebSettings defaults() {
    return new WebSettings(List.of(), DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(15), null);
  }
}
