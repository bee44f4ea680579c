package com.datamingle.adapter.web;

import com.datamingle.adapter.web.auth.AccessCheck;
import com.datamingle.adapter.web.auth.Principal;
import com.datamingle.adapter.web.auth.Role;
import com.datamingle.adapter.web.error.ErrorMapping;
import com.datamingle.adapter.web.error.JettyErrorHandler;
import com.datamingle.adapter.web.error.Problem;
import com.datamingle.adapter.web.error.RequestRejected;
import com.datamingle.adapter.web.ops.OpsRoutes;
import com.datamingle.adapter.web.user.MeRoutes;
import com.datamingle.adapter.web.user.UserRoutes;
import com.datamingle.adapter.web.webhook.WebhookRoutes;
import com.datamingle.adapter.web.webhook.WebhookSignature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Builds the HTTP API from the use cases: routes, the access check, error mapping, CORS, limits,
 * logs and metrics.
 */
public final class WebModule {
  private static final Logger ACCESS_LOG = LoggerFactory.getLogger("access");

  /** A request this slow, or slower, is logged at INFO. */
  static final int SLOW_REQUEST_MS = 500;

  /**
   * Jetty's per-connection cache of header fields. Off: every request of a real deployment carries
   * another user's {@code Authorization} value, which the cache cannot hold, so it was cleared and
   * refilled on each such request (measured in BENCHMARKS.md).
   */
  static final int HEADER_CACHE_SIZE = 0;

  /**
   * Jetty pads its queues to a CPU cache line, and by default finds how many references fill one by
   * starting the platform MBean server (every JVM MBean registered: some 100 ms of CPU before the
   * server can answer) to ask whether object references are compressed. 16 fill a 64-byte line when
   * they are and two lines when not, which pads as well; a value given with {@code -D} is kept.
   */
  static final String JETTY_REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  private WebModule() {}

  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonParser.Feature.ALLOW_COMMENTS)
        .build();
  }

  /** The API's routes, each with who may call it. */
  public static List<ApiRoute> routes(
      WebDependencies deps, WebSettings settings, ObjectMapper json) {
    OpsRoutes ops = new OpsRoutes(deps.readiness(), deps.metrics());
    MeRoutes me = new MeRoutes(deps.updateMyProfile(), json);
    UserRoutes users =
        new UserRoutes(
            deps.listUsers(), deps.getUser(), deps.changeUserAccess(), deps.signOutUser(), json);
    WebhookRoutes webhooks =
        new WebhookRoutes(
            deps.applyWorkOsEvent(),
            settings.workosWebhookSecret() == null
                ? null
                : new WebhookSignature(
                    settings.workosWebhookSecret(),
                    Clock.systemUTC(),
                    WebhookSignature.DEFAULT_TOLERANCE),
            json);
    List<ApiRoute> routes =
        new ArrayList<>(
            List.of(
                new ApiRoute("GET", "/health", Role.ANYONE, ops::health),
                new ApiRoute("GET", "/ready", Role.ANYONE, ops::ready),
                new ApiRoute("GET", "/metrics", Role.ANYONE, ops::metrics),
                new ApiRoute("GET", "/openapi.json", Role.ANYONE, ops::openApi),
                new ApiRoute("GET", "/docs", Role.ANYONE, ops::docs),
                new ApiRoute("GET", "/api/me", Role.MEMBER, me::get),
                new ApiRoute("PATCH", "/api/me", Role.MEMBER, me::patch),
                new ApiRoute("GET", "/api/users", Role.ADMIN, users::list),
                new ApiRoute("GET", "/api/users/{id}", Role.ADMIN, users::get),
                new ApiRoute("PATCH", "/api/users/{id}", Role.ADMIN, users::patch),
                new ApiRoute("POST", "/api/users/{id}/sign-out", Role.ADMIN, users::signOut),
                new ApiRoute("POST", "/webhooks/workos", Role.WORKOS, webhooks::receive)));
    if (settings.devJwks() != null) {
      String jwks = settings.devJwks();
      routes.add(
          new ApiRoute(
              "GET",
              "/dev/jwks.json",
              Role.ANYONE,
              ctx -> ctx.contentType("application/json").result(jwks)));
    }
    return routes;
  }

  /**
   * An unstarted server with the whole API. Besides each route's own method, a path with GET also
   * answers HEAD (the same handler and access check; Jetty drops the body), every path answers
   * OPTIONS with {@code Allow} (and, with CORS enabled, the preflight headers), and any other
   * method on a known path is 405 with {@code Allow}; unknown paths stay 404. Errors Jetty raises
   * itself are problem documents too ({@link JettyErrorHandler}).
   */
  public static WebServer create(WebDependencies deps, WebSettings settings) {
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
    }
    ObjectMapper json = objectMapper();
    AccessCheck access = new AccessCheck(deps.tokenVerifier(), deps.resolveSignIn());
    List<ApiRoute> routes = routes(deps, settings, json);
    JettyErrorHandler jettyErrors = new JettyErrorHandler();
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.http.maxRequestSize = settings.maxRequestBytes();
              config.http.generateEtags = false;
              config.http.prefer405over404 = true;
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(settings.stopTimeout().toMillis());
                    server.setErrorHandler(jettyErrors);
                  });
              config.jetty.modifyServletContextHandler(
                  context -> context.setErrorHandler(jettyErrors));
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setRequestHeaderSize(16 * 1024);
                    http.setSendServerVersion(false);
                    http.setHeaderCacheSize(HEADER_CACHE_SIZE);
                  });
              // Javalin's own handler reads the Swagger UI webjar through the class loader. Jetty's
              // would, at start, build a second Jetty server of its own and mount the whole jar as
              // a zip file system (a central directory of some 14,000 entries read and indexed):
              // about 0.3 s of CPU before /ready
              config.resourceHandler(new JavalinStaticResourceHandler());
              config.staticFiles.enableWebjars();
              if (!settings.corsAllowedOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(
                    cors ->
                        cors.addRule(
                            rule -> {
                              String first = settings.corsAllowedOrigins().get(0);
                              rule.allowHost(
                                  first,
                                  settings
                                      .corsAllowedOrigins()
                                      .subList(1, settings.corsAllowedOrigins().size())
                                      .toArray(String[]::new));
                              rule.exposeHeader("WWW-Authenticate");
                              rule.exposeHeader("Retry-After");
                              rule.exposeHeader("Allow");
                              rule.exposeHeader(RequestId.HEADER);
                              rule.maxAge = 600;
                            }));
              }
              config.requestLogger.http((ctx, ms) -> logAndMeasure(deps, ctx, ms));
              ErrorMapping.register(config.routes);
              long maxBytes = settings.maxRequestBytes();
              config.routes.before(RequestId::assign);
              config.routes.before(ctx -> refuseDeclaredOversizeBody(ctx, maxBytes));
              config.routes.beforeMatched(access::handle);
              for (ApiRoute route : routes) {
                config.routes.addHttpHandler(
                    HandlerType.findOrCreate(route.method()),
                    route.path(),
                    route.handler(),
                    route.role());
                if (route.method().equals("GET")) {
                  config.routes.head(route.path(), route.handler(), route.role());
                }
              }
              allowedMethods(routes)
                  .forEach(
                      (path, allow) ->
                          config.routes.options(
                              path,
                              ctx -> ctx.header("Allow", allow).status(200).result(new byte[0]),
                              Role.ANYONE));
            });
    return new WebServer(app);
  }

  /** Each path's methods for {@code Allow}: its own, HEAD where it has GET, and OPTIONS. */
  static Map<String, String> allowedMethods(List<ApiRoute> routes) {
    Map<String, Set<String>> byPath = new LinkedHashMap<>();
    for (ApiRoute route : routes) {
      Set<String> methods = byPath.computeIfAbsent(route.path(), p -> new LinkedHashSet<>());
      methods.add(route.method());
      if (route.method().equals("GET")) {
        methods.add("HEAD");
      }
    }
    Map<String, String> allow = new LinkedHashMap<>();
    byPath.forEach(
        (path, methods) -> {
          methods.add("OPTIONS");
          allow.put(path, String.join(", ", methods));
        });
    return allow;
  }

  /** A body announced larger than the limit is refused before anyone waits for it to arrive. */
  private static void refuseDeclaredOversizeBody(Context ctx, long maxBytes) {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw RequestRejected.of(
          Problem.of(
              Problem.Kind.TOO_LARGE,
              "the request body is larger than this server accepts;"
                  + " send at most "
                  + maxBytes
                  + " bytes"));
    }
  }

  /**
   * The request metrics, and the access-log line (never the token or the query string), its fields
   * also as key-value pairs for the JSON log format: at DEBUG for every request, at INFO for a slow
   * one ({@value #SLOW_REQUEST_MS} ms or more) and for {@code /ready}'s 503 (not ready: warming up,
   * schema not at head, which is an answer and not a server error), and at WARN for a server error
   * (other 5xx), so that a server under load does not write a line per request at the default
   * level.
   */
  private static void logAndMeasure(WebDependencies deps, Context ctx, Float ms) {
    String route;
    try {
      route = ctx.endpoint().path;
    } catch (RuntimeException e) {
      route = "unmatched";
    }
    int status = ctx.statusCode();
    deps.metrics()
        .recordRequest(
            ctx.method().name(), route, status, Duration.ofNanos((long) (ms * 1_000_000)));
    boolean notReady = status == 503 && "/ready".equals(route); // an answer, not a server error
    Level level =
        status >= 500 && !notReady
            ? Level.WARN
            : ms >= SLOW_REQUEST_MS || notReady ? Level.INFO : Level.DEBUG;
    if (ACCESS_LOG.isEnabledForLevel(level)) {
      String took = tenths(ms);
      String user = Principal.userIdOrDash(ctx);
      ACCESS_LOG
          .atLevel(level)
          .addKeyValue("method", ctx.method().name())
          .addKeyValue("path", ctx.path())
          .addKeyValue("route", route)
          .addKeyValue("status", status)
          .addKeyValue("duration_ms", took)
          .addKeyValue("user", user)
          .log("{} {} {} {}ms user={}", ctx.method().name(), ctx.path(), status, took, user);
    }
    RequestId.clear();
  }

  /** Milliseconds with one decimal ({@code 12.3}), without {@code String.format}'s cost. */
  static String tenths(float ms) {
    long tenths = Math.round(ms * 10.0);
    return (tenths / 10) + "." + (tenths % 10);
  }
}
