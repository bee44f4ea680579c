package com.datamingle.adapter.web.error;

import com.datamingle.adapter.web.auth.AdminRequired;
import com.datamingle.adapter.web.auth.AuthUnavailable;
import com.datamingle.adapter.web.auth.InvalidToken;
import com.datamingle.adapter.web.auth.MissingToken;
import com.datamingle.application.port.in.admin.AmbiguousUserReference;
import com.datamingle.application.port.in.signin.TokenRevoked;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception to its status, in one place, as an RFC 9457 problem in UTF-8. Every 401 carries
 * {@code WWW-Authenticate} (see {@link #challenge}); an unreachable key set or identity provider is
 * 503 with {@code Retry-After}; a path called with a method it does not have is 405 with {@code
 * Allow}. Details never carry a stack trace, SQL, token or key: unexpected failures get a generic
 * 500 and are logged once. Errors Jetty raises before any route runs are written by {@link
 * JettyErrorHandler} from the same {@link StatusProblems} table.
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

  /** The detail of every unexpected failure: nothing of what went wrong reaches the client. */
  static final String INTERNAL_DETAIL =
      "something went wrong on our side; retry, and report it if it persists";

  /** How loudly an answered exception is logged (its message only, never a stack trace). */
  private enum Log {
    NONE,
    INFO,
    WARN
  }

  /**
   * One row of the table: the exception, its kind, the detail a client sees, whether it is logged
   * (after {@code logPrefix}) and whether the client should retry shortly.
   */
  private record Answer<E extends Exception>(
      Class<E> type,
      Problem.Kind kind,
      Function<E, String> detail,
      Log log,
      String logPrefix,
      boolean retryAfter) {

    static <E extends Exception> Answer<E> of(
        Class<E> type, Problem.Kind kind, Function<E, String> detail) {
      return new Answer<>(type, kind, detail, Log.NONE, null, false);
    }

    Answer<E> logged(Log level, String what) {
      return new Answer<>(type, kind, detail, level, what, retryAfter);
    }

    Answer<E> retryShortly() {
      return new Answer<>(type, kind, detail, log, logPrefix, true);
    }

    void register(RoutesConfig routes) {
      routes.exception(
          type,
          (e, ctx) -> {
            switch (log) {
              case INFO -> LOG.info("{}: {}", logPrefix, e.getMessage());
              case WARN -> LOG.warn("{}: {}", logPrefix, e.getMessage());
              case NONE -> {}
            }
            if (retryAfter) {
              ctx.header("Retry-After", "5");
            }
            send(ctx, Problem.of(kind, detail.apply(e)));
          });
    }
  }

  /** Each exception this API answers on purpose, with what it answers. */
  private static final List<Answer<?>> ANSWERS =
      List.of(
          Answer.of(
              MissingToken.class,
              Problem.Kind.MISSING_TOKEN,
              e -> "send an access token: Authorization: Bearer <token>"),
          Answer.of(
                  InvalidToken.class,
                  Problem.Kind.INVALID_TOKEN,
                  e -> "the access token is not valid; sign in again to get a new one")
              .logged(Log.INFO, "rejected a token"),
          Answer.of(
              UnknownIdentity.class,
              Problem.Kind.INVALID_TOKEN,
              e -> "the identity provider does not know this user; sign in again"),
          Answer.of(TokenRevoked.class, Problem.Kind.INVALID_TOKEN, Exception::getMessage)
              .logged(Log.INFO, "refused a revoked token"),
          Answer.of(
                  AuthUnavailable.class,
                  Problem.Kind.UPSTREAM_UNAVAILABLE,
                  e -> "the signing keys cannot be fetched right now; retry shortly")
              .logged(Log.WARN, "cannot judge a token")
              .retryShortly(),
          Answer.of(
                  IdentityProviderUnavailable.class,
                  Problem.Kind.UPSTREAM_UNAVAILABLE,
                  e -> "the identity provider cannot be reached right now; retry shortly")
              .logged(Log.WARN, "identity provider unavailable")
              .retryShortly(),
          Answer.of(UserDeactivated.class, Problem.Kind.DEACTIVATED, Exception::getMessage),
          Answer.of(AdminRequired.class, Problem.Kind.FORBIDDEN, Exception::getMessage),
          Answer.of(UserNotFound.class, Problem.Kind.NOT_FOUND, e -> "no such user"),
          Answer.of(LastActiveAdmin.class, Problem.Kind.LAST_ADMIN, Exception::getMessage),
          Answer.of(AmbiguousUserReference.class, Problem.Kind.CONFLICT, Exception::getMessage),
          Answer.of(DomainException.class, Problem.Kind.CONFLICT, Exception::getMessage));

  public static void register(RoutesConfig routes) {
    routes.exception(RequestRejected.class, (e, ctx) -> send(ctx, e.problem()));
    ANSWERS.forEach(answer -> answer.register(routes));
    routes.exception(
        InvalidValueException.class,
        (e, ctx) ->
            send(
                ctx,
                Problem.invalid(
                    "the request has an invalid field; see errors",
                    Map.of(e.field(), e.getMessage()))));
    routes.exception(MethodNotAllowedResponse.class, ErrorMapping::methodNotAllowed);
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> send(ctx, StatusProblems.forStatus(e.getStatus(), null)));
    routes.exception(Exception.class, ErrorMapping::unexpected);
  }

  /**
   * Javalin found the path under other methods and lists them (with HEAD and OPTIONS, which
   * WebModule registers): 405 with {@code Allow}.
   */
  private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
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
  }

  /** A request that could not be read is the client's 4xx; anything else a logged, generic 500. */
  private static void unexpected(Exception e, Context ctx) {
    Problem unreadable = StatusProblems.unreadableRequest(e);
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
    send(ctx, Problem.of(Problem.Kind.INTERNAL, INTERNAL_DETAIL));
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
