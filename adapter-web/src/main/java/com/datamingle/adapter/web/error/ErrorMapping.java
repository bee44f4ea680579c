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
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception to its status, in one place, as an RFC 9457 problem. Token failures are always
 * 401 with {@code WWW-Authenticate}; an unreachable key set or identity provider is 503 with
 * {@code Retry-After}. Details never carry a stack trace, SQL, token or key: unexpected failures
 * get a generic 500 and are logged once.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorMapping() {}

  public static void register(RoutesConfig routes) {
    routes.exception(RequestRejected.class, (e, ctx) -> send(ctx, e.problem()));
    routes.exception(MissingToken.class, (e, ctx) -> {
      ctx.header("WWW-Authenticate", "Bearer realm=\"datamingle\"");
      send(ctx, Problem.of(Problem.Kind.MISSING_TOKEN, "send an access token: Authorization: Bearer <token>"));
    });
    routes.exception(InvalidToken.class, (e, ctx) -> {
      LOG.info("rejected a token: {}", e.getMessage());
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      send(ctx, Problem.of(Problem.Kind.INVALID_TOKEN, "the access token is not valid; sign in again to get a new one"));
    });
    routes.exception(UnknownIdentity.class, (e, ctx) -> {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      send(ctx, Problem.of(Problem.Kind.INVALID_TOKEN, "the identity provider does not know this user; sign in again"));
    });
    routes.exception(AuthUnavailable.class, (e, ctx) -> {
      LOG.warn("cannot judge a token: {}", e.getMessage());
      ctx.header("Retry-After", "5");
      send(ctx, Problem.of(Problem.Kind.UPSTREAM_UNAVAILABLE, "the signing keys cannot be fetched right now; retry shortly"));
    });
    routes.exception(IdentityProviderUnavailable.class, (e, ctx) -> {
      LOG.warn("identity provider unavailable: {}", e.getMessage());
      ctx.header("Retry-After", "5");
      send(ctx, Problem.of(Problem.Kind.UPSTREAM_UNAVAILABLE, "the identity provider cannot be reached right now; retry shortly"));
    });
    routes.exception(UserDeactivated.class, (e, ctx) -> send(ctx, Problem.of(Problem.Kind.DEACTIVATED, e.getMessage())));
    routes.exception(AdminRequired.class, (e, ctx) -> send(ctx, Problem.of(Problem.Kind.FORBIDDEN, e.getMessage())));
    routes.exception(UserNotFound.class, (e, ctx) -> send(ctx, Problem.of(Problem.Kind.NOT_FOUND, "no such user")));
    routes.exception(LastActiveAdmin.class, (e, ctx) -> send(ctx, Problem.of(Problem.Kind.LAST_ADMIN, e.getMessage())));
    routes.exception(AmbiguousUserReference.class, (e, ctx) -> send(ctx, Problem.of(Problem.Kind.CONFLICT, e.getMessage())));
    routes.exception(InvalidValueException.class, (e, ctx) ->
        send(ctx, Problem.invalid("the request has an invalid field; see errors", Map.of(e.field(), e.getMessage()))));
    routes.exception(DomainException.class, (e, ctx) -> send(ctx, Problem.of(Problem.Kind.CONFLICT, e.getMessage())));
    routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, forStatus(e.getStatus())));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
      send(ctx, Problem.of(Problem.Kind.INTERNAL, "something went wrong on our side; retry, and report it if it persists"));
    });
  }

  static Problem forStatus(int status) {
    return switch (status) {
      case 400 -> Problem.of(Problem.Kind.MALFORMED_REQUEST, "the request could not be read");
      case 401 -> Problem.of(Problem.Kind.MISSING_TOKEN, "send an access token: Authorization: Bearer <token>");
      case 403 -> Problem.of(Problem.Kind.FORBIDDEN, "you may not do this");
      case 404 -> Problem.of(Problem.Kind.NOT_FOUND, "no such resource; see /openapi.json for the routes");
      case 405 -> Problem.of(Problem.Kind.METHOD_NOT_ALLOWED, "this method is not allowed here; see /openapi.json");
      case 413 -> Problem.of(Problem.Kind.TOO_LARGE, "the request body is too large; send at most 64 KiB");
      case 415 -> Problem.of(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
      case 503 -> Problem.of(Problem.Kind.UPSTREAM_UNAVAILABLE, "retry shortly");
      default -> status >= 500
          ? Problem.of(Problem.Kind.INTERNAL, "something went wrong on our side; retry, and report it if it persists")
          : new Problem("urn:datamingle:problem:http-error", "Request failed", status, "the request was refused", null);
    };
  }

  /** Writes the problem as {@code application/problem+json}. */
  public static void send(Context ctx, Problem problem) {
    String body;
    try {
      body = JSON.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      body = "{\"status\":" + problem.status() + "}";
    }
    ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(body);
  }
}
