package com.datamingle.adapter.web.error;

import com.datamingle.adapter.web.auth.AdminRequired;
import com.datamingle.adapter.web.auth.AuthUnavailable;
import com.datamingle.adapter.web.auth.InvalidToken;
import com.datamingle.adapter.web.auth.MissingToken;
import com.datamingle.application.port.in.admin.AmbiguousUserReference;
import com.datamingle.application.port.in.signin.UnknownIdentity;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.DomainException;
import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.user.LastActiveAdmin;
import com.datamingle.domain.user.UserDeactivated;
import com.datamingle.domain.user.UserNotFound;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception to its status, in one place, as an RFC 9457 problem in UTF-8. Every 401 carries
 * {@code WWW-Authenticate} (see {@link #challenge}); an unreachable key set or identity provider is
 * 503 with {@code Retry-After}; a path called with a method it does not have is 405 with {@code
 * Allow}. Details never carry a stack trace, SQL, token or key: unexpected failures get a generic
 * 500 and are logged once. Errors Jetty raises before any route runs are written by {@link
 * JettyErrorHandler} from the same {@link #forStatus} table.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The challenge of the bearer-token routes (RFC 6750 section 3: no error code when no token was
   * sent).
   */
  static final String BEARER_CHALLENGE = "Bearer realm=\"datamingle\"";

  static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

  /**
   * The challenge of the webhook route. It is not authenticated by a bearer token but by an
   * HMAC-SHA256 of the body in the {@code WorkOS-Signature} header, so advertising {@code Bearer}
   * would tell a client that a token could work there, which is false. RFC 9110 section 11.6.1 asks
   * a 401 for a challenge that applies to the resource; the auth-scheme is a token, so the header's
   * name serves as the scheme.
   */
  static final String WEBHOOK_CHALLENGE = "WorkOS-Signature realm=\"workos-webhooks\"";

  private ErrorMapping() {}

  public static void register(RoutesConfig routes) {
    routes.exception(RequestRejected.class, (e, ctx) -> send(ctx, e.problem()));
    routes.exception(
        MissingToken.class,
        (e, ctx) -> {
          send(
              ctx,
              Problem.of(
                  Problem.Kind.MISSING_TOKEN,
                  "send an access token: Authorization: Bearer <token>"));
        });
    routes.exception(
        InvalidToken.class,
        (e, ctx) -> {
          LOG.info("rejected a token: {}", e.getMessage());
          send(
              ctx,
              Problem.of(
                  Problem.Kind.INVALID_TOKEN,
                  "the access token is not valid; sign in again to get a new one"));
        });
    routes.exception(
        UnknownIdentity.class,
        (e, ctx) -> {
          send(
              ctx,
              Problem.of(
                  Problem.Kind.INVALID_TOKEN,
                  "the identity provider does not know this user; sign in again"));
        });
    routes.exception(
        AuthUnavailable.class,
        (e, ctx) -> {
          LOG.warn("cannot judge a token: {}", e.getMessage());
          ctx.header("Retry-After", "5");
          send(
              ctx,
              Problem.of(
                  Problem.Kind.UPSTREAM_UNAVAILABLE,
                  "the signing keys cannot be fetched right now; retry shortly"));
        });
    routes.exception(
        IdentityProviderUnavailable.class,
        (e, ctx) -> {
          LOG.warn("identity provider unavailable: {}", e.getMessage());
          ctx.header("Retry-After", "5");
          send(
              ctx,
              Problem.of(
                  Problem.Kind.UPSTREAM_UNAVAILABLE,
                  "the identity provider cannot be reached right now; retry shortly"));
        });
    routes.exception(
        UserDeactivated.class,
        (e, ctx) -> send(ctx, Problem.of(Problem.Kind.DEACTIVATED, e.getMessage())));
    routes.exception(
        AdminRequired.class,
        (e, ctx) -> send(ctx, Problem.of(Problem.Kind.FORBIDDEN, e.getMessage())));
    routes.exception(
        UserNotFound.class,
        (e, ctx) -> send(ctx, Problem.of(Problem.Kind.NOT_FOUND, "no such user")));
    routes.exception(
        LastActiveAdmin.class,
        (e, ctx) -> send(ctx, Problem.of(Problem.Kind.LAST_ADMIN, e.getMessage())));
    routes.exception(
        AmbiguousUserReference.class,
        (e, ctx) -> send(ctx, Problem.of(Problem.Kind.CONFLICT, e.getMessage())));
    routes.exception(
        InvalidValueException.class,
        (e, ctx) ->
            send(
                ctx,
                Problem.invalid(
                    "the request has an invalid field; see errors",
                    Map.of(e.field(), e.getMessage()))));
    routes.exception(
        DomainException.class,
        (e, ctx) -> send(ctx, Problem.of(Problem.Kind.CONFLICT, e.getMessage())));
    routes.exception(
        MethodNotAllowedResponse.class,
        (e, ctx) -> {
          // Javalin found the path under other methods and lists them (with HEAD and OPTIONS, which
          // WebModule registers)
          String allow =
              e.getDetails().values().stream()
                  .flatMap(methods -> Arrays.stream(methods.split(",")))
                  .map(String::strip)
                  .filter(method -> method.matches("[A-Z]{1,20}"))
                  .distinct()
                  .collect(Collectors.joining(", "));
          ctx.header("Allow", allow);
          send(
              ctx,
              Problem.of(
                  Problem.Kind.METHOD_NOT_ALLOWED,
                  "this path does not take "
                      + ctx.method().name()
                      + "; it takes "
                      + allow
                      + " (see /openapi.json)"));
        });
    routes.exception(
        HttpResponseException.class, (e, ctx) -> send(ctx, forStatus(e.getStatus(), null)));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          Problem unreadable = unreadableRequest(e);
          if (unreadable != null) {
            LOG.info(
                "refused {} {}: the request could not be read ({})",
                ctx.method(),
                ctx.path(),
                e.getMessage());
            send(ctx, unreadable);
            return;
          }
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          send(
              ctx,
              Problem.of(
                  Problem.Kind.INTERNAL,
                  "something went wrong on our side; retry, and report it if it persists"));
        });
  }

  /**
   * The problem for a bare status, from Javalin or Jetty. {@code reason}: what Jetty said was wrong
   * (for example "Bad HostPort"), or null; only its printable ASCII is kept, since it may quote the
   * request.
   */
  static Problem forStatus(int status, String reason) {
    String why = reason == null ? "" : " (" + printable(reason) + ")";
    return switch (status) {
      case 400 ->
          Problem.of(
              Problem.Kind.MALFORMED_REQUEST,
              "the request could not be read"
                  + why
                  + "; send well-formed HTTP/1.1 with a Host header and UTF-8 in the path and"
                  + " query");
      case 401 ->
          Problem.of(
              Problem.Kind.MISSING_TOKEN, "send an access token: Authorization: Bearer <token>");
      case 403 -> Problem.of(Problem.Kind.FORBIDDEN, "you may not do this");
      case 404 ->
          Problem.of(Problem.Kind.NOT_FOUND, "no such resource; see /openapi.json for the routes");
      case 405 ->
          Problem.of(
              Problem.Kind.METHOD_NOT_ALLOWED,
              "this method is not allowed here; see /openapi.json");
      case 413 ->
          Problem.of(
              Problem.Kind.TOO_LARGE,
              "the request body is larger than this server accepts; send a smaller one");
      case 414 ->
          Problem.of(
              Problem.Kind.URI_TOO_LONG,
              "the request line is longer than this server reads;"
                  + " send fewer or shorter query parameters");
      case 415 ->
          Problem.of(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
      case 421 ->
          Problem.of(
              Problem.Kind.MISDIRECTED,
              "this server does not answer for the host the request names" + why);
      case 431 ->
          Problem.of(
              Problem.Kind.HEADERS_TOO_LARGE,
              "the request headers are larger than this server reads;"
                  + " send fewer or shorter headers");
      case 503 -> Problem.of(Problem.Kind.UPSTREAM_UNAVAILABLE, "retry shortly");
      case 500 ->
          Problem.of(
              Problem.Kind.INTERNAL,
              "something went wrong on our side; retry, and report it if it persists");
      default ->
          new Problem(
              Problem.Kind.OTHER.type(),
              org.eclipse.jetty.http.HttpStatus.getMessage(status),
              status,
              (status >= 500
                      ? "the server could not answer this request"
                      : "the request was refused")
                  + why,
              null);
    };
  }

  /**
   * A request Jetty could not read to the end (a broken chunked body, a body shorter than its
   * Content-Length): the client's fault, so a 4xx rather than an unexpected 500. Null for any other
   * failure.
   */
  static Problem unreadableRequest(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.HttpException http
          && http.getCode() >= 400
          && http.getCode() < 500) {
        return forStatus(http.getCode(), http.getReason());
      }
      if (t instanceof org.eclipse.jetty.io.EofException) {
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

  /**
   * The {@code WWW-Authenticate} challenge of a 401 with this problem: RFC 6750's for the bearer
   * routes ({@code error="invalid_token"} when a token was sent and refused, none when none was
   * sent), {@link #WEBHOOK_CHALLENGE} for a refused webhook signature.
   */
  static String challenge(Problem problem) {
    if (Problem.Kind.INVALID_TOKEN.type().equals(problem.type())) {
      return INVALID_TOKEN_CHALLENGE;
    }
    if (Problem.Kind.INVALID_SIGNATURE.type().equals(problem.type())) {
      return WEBHOOK_CHALLENGE;
    }
    return BEARER_CHALLENGE;
  }

  /** The problem as UTF-8 JSON bytes (Jackson writes UTF-8 whatever the platform's charset). */
  static byte[] bytes(Problem problem) {
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      return ("{\"type\":\""
              + Problem.Kind.INTERNAL.type()
              + "\",\"title\":\"Request failed\",\"status\":"
              + problem.status()
              + "}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * Writes the problem as {@code application/problem+json}, in UTF-8. The body goes out as bytes:
   * handed over as a String, it would be encoded in the response's charset, which for a media type
   * Jetty does not know is ISO-8859-1 (an echoed "é" became the single byte 0xE9). A 401 gets its
   * challenge unless the caller set one.
   */
  public static void send(Context ctx, Problem problem) {
    if (problem.status() == 401 && ctx.res().getHeader("WWW-Authenticate") == null) {
      ctx.header("WWW-Authenticate", challenge(problem));
    }
    ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(bytes(problem));
  }
}
