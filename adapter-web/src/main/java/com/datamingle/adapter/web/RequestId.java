package com.datamingle.adapter.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Each request's id: the caller's {@code X-Request-Id} when it is a plain token (a proxy's or load
 * balancer's id, so one request can be followed across them), else a new UUID. It is sent back in
 * {@code X-Request-Id} and is in every log line written while the request runs, the access log line
 * included ({@code request_id} in the logging context).
 */
final class RequestId {
  static final String HEADER = "X-Request-Id";
  static final String LOG_KEY = "request_id";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestId() {}

  /** Before anything else runs for the request. */
  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id =
        given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    MDC.put(LOG_KEY, id);
    ctx.header(HEADER, id);
  }

  /** After the access log line: the thread serves other requests next. */
  static void clear() {
    MDC.remove(LOG_KEY);
  }
}
