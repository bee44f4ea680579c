package com.datamingle.adapter.web.error;

import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;

/**
 * The problem for a bare HTTP status, from Javalin or Jetty, looked up in one table: each status
 * this API names has its kind and a detail saying what to do next; {@code %s} in a detail is where
 * Jetty's reason goes. Any other status gets a generic problem of its class.
 */
final class StatusProblems {
  private record Answer(Problem.Kind kind, String detail) {}

  private static final Map<Integer, Answer> BY_STATUS =
      Map.ofEntries(
          Map.entry(
              400,
              new Answer(
                  Problem.Kind.MALFORMED_REQUEST,
                  "the request could not be read%s; send well-formed HTTP/1.1 with a Host header"
                      + " and UTF-8 in the path and query")),
          Map.entry(
              401,
              new Answer(
                  Problem.Kind.MISSING_TOKEN,
                  "send an access token: Authorization: Bearer <token>")),
          Map.entry(403, new Answer(Problem.Kind.FORBIDDEN, "you may not do this")),
          Map.entry(
              404,
              new Answer(
                  Problem.Kind.NOT_FOUND, "no such resource; see /openapi.json for the routes")),
          Map.entry(
              405,
              new Answer(
                  Problem.Kind.METHOD_NOT_ALLOWED,
                  "this method is not allowed here; see /openapi.json")),
          Map.entry(
              413,
              new Answer(
                  Problem.Kind.TOO_LARGE,
                  "the request body is larger than this server accepts; send a smaller one")),
          Map.entry(
              414,
              new Answer(
                  Problem.Kind.URI_TOO_LONG,
                  "the request line is longer than this server reads;"
                      + " send fewer or shorter query parameters")),
          Map.entry(
              415,
              new Answer(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json")),
          Map.entry(
              421,
              new Answer(
                  Problem.Kind.MISDIRECTED,
                  "this server does not answer for the host the request names%s")),
          Map.entry(
              431,
              new Answer(
                  Problem.Kind.HEADERS_TOO_LARGE,
                  "the request headers are larger than this server reads;"
                      + " send fewer or shorter headers")),
          Map.entry(503, new Answer(Problem.Kind.UPSTREAM_UNAVAILABLE, "retry shortly")),
          Map.entry(500, new Answer(Problem.Kind.INTERNAL, ErrorMapping.INTERNAL_DETAIL)));

  private StatusProblems() {}

  /**
   * The problem for this status. {@code reason}: what Jetty said was wrong (for example "Bad
   * HostPort"), or null; only its printable ASCII is kept, since it may quote the request.
   */
  static Problem forStatus(int status, String reason) {
    String why = reason == null ? "" : " (" + printable(reason) + ")";
    Answer answer = BY_STATUS.get(status);
    if (answer != null) {
      return Problem.of(answer.kind(), answer.detail().replace("%s", why));
    }
    return new Problem(
        Problem.Kind.OTHER.type(),
        HttpStatus.getMessage(status),
        status,
        (status >= 500 ? "the server could not answer this request" : "the request was refused")
            + why,
        null);
  }

  /**
   * A request Jetty could not read to the end (a broken chunked body, a body shorter than its
   * Content-Length): the client's fault, so a 4xx rather than an unexpected 500. Null for any other
   * failure.
   */
  static Problem unreadableRequest(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return forStatus(http.getCode(), http.getReason());
      }
      if (t instanceof EofException) {
        return Problem.of(
            Problem.Kind.MALFORMED_REQUEST,
            "the request ended before its body did; send the whole body");
      }
    }
    return null;
  }

  /** At most 100 characters of printable ASCII from the text. */
  static String printable(String text) {
    String kept =
        text.codePoints()
            .filter(c -> c >= 0x20 && c < 0x7f)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return kept.length() <= 100 ? kept : kept.substring(0, 100) + "...";
  }
}
