package com.datamingle.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.datamingle.adapter.web.auth.Role;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.RouteTable;
import com.datamingle.adapter.web.testing.RouteTestApp;
import com.datamingle.adapter.web.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What {@link WebModule} puts around every route, over the in-memory use cases: the access check
 * and its roles, token refusals, CORS, problem documents for unknown paths, and logs without
 * tokens.
 */
class WebModuleTest {
  @Test
  void everyRouteIsAuthorizedForEachKindOfCaller() {
    RouteTestApp.withPeople(
        (app, http, tokens) -> {
          String someId = app.idOf(RouteTestApp.MEMBER_SUB);
          for (ApiRoute route : RouteTable.routes()) {
            String path = route.path().replace("{id}", someId);
            String body =
                route.method().equals("PATCH") || route.method().equals("POST") ? "{}" : null;
            Map<String, Integer> expected =
                switch (route.role()) {
                  case ANYONE ->
                      Map.of("anonymous", 200, "deactivated", 200, "member", 200, "admin", 200);
                  case MEMBER ->
                      Map.of("anonymous", 401, "deactivated", 403, "member", 200, "admin", 200);
                  case ADMIN ->
                      Map.of("anonymous", 401, "deactivated", 403, "member", 403, "admin", 200);
                  // a token is worth nothing here: only WorkOS's signature is (see
                  // WebhookRoutesTest)
                  case WORKOS ->
                      Map.of("anonymous", 401, "deactivated", 401, "member", 401, "admin", 401);
                };
            for (var caller : expected.entrySet()) {
              Map<String, String> headers = new java.util.HashMap<>();
              if (!caller.getKey().equals("anonymous")) {
                headers.put("Authorization", "Bearer " + tokens.get(caller.getKey()));
              }
              if (body != null) {
                headers.put("Content-Type", "application/json");
              }
              Http.Response response = http.send(route.method(), path, headers, body);
              assertThat(response.status())
                  .as(caller.getKey() + " " + route.method() + " " + route.path())
                  .isEqualTo(caller.getValue());
              if (response.status() == 401 && route.role() != Role.WORKOS) {
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
              }
            }
          }
        });
  }

  @Test
  void badTokensAre401WithInvalidTokenAndNeverEchoed() {
    RouteTestApp.run(
        (app, http) -> {
          String forged = new TestKeys("k1").token("user_01X", Instant.now());
          Http.Response response = http.get("/api/me", forged);

          assertThat(response.status()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate"))
              .isEqualTo("Bearer error=\"invalid_token\"");
          assertThat(response.body()).doesNotContain(forged).doesNotContain("Exception");

          String good = app.token("user_01OK", "ok@example.com");
          Map<String, Integer> byAuthorization = new java.util.LinkedHashMap<>();
          byAuthorization.put("bearer " + good, 200);
          byAuthorization.put("Basic dXNlcjpwYXNz", 401);
          byAuthorization.put("Bearer ", 401);
          byAuthorization.put("Bearer " + "x".repeat(9_000), 401);
          byAuthorization.put("Bearer " + "x".repeat(20_000), 431);
          byAuthorization.forEach(
              (authorization, status) ->
                  assertThat(
                          http.send("GET", "/api/me", Map.of("Authorization", authorization), null)
                              .status())
                      .as(
                          authorization.length() > 30
                              ? authorization.substring(0, 30)
                              : authorization)
                      .isEqualTo(status));
          assertThat(http.get("/api/me?access_token=" + good, null).status()).isEqualTo(401);
          assertThat(
                  http.send("GET", "/api/me", Map.of("Cookie", "access_token=" + good), null)
                      .status())
              .isEqualTo(401);
        });
  }

  @Test
  void twoAuthorizationHeadersAreRefused() throws Exception {
    RouteTestApp.run(
        (app, http) -> {
          String good = app.token("user_01OK", "ok@example.com");
          try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.server.port())) {
            String request =
                "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + good
                    + "\r\nAuthorization: Bearer "
                    + good
                    + "\r\nConnection: close\r\n\r\n";
            socket
                .getOutputStream()
                .write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status =
                new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()))
                    .readLine();
            assertThat(status).contains(" 401 ");
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aJwksOutageIs503WithRetryAfter() {
    RouteTestApp.run(
        (app, http) -> {
          app.workos.jwksMode(FakeWorkOs.JwksMode.ERROR_500);

          Http.Response response = http.get("/api/me", app.token("user_01X", "x@example.com"));

          assertThat(response.status()).isEqualTo(503);
          assertThat(response.header("Retry-After")).isNotNull();
          assertThat(response.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:upstream-unavailable");
        });
  }

  @Test
  void corsPreflightIsAnsweredForAllowedOriginsOnly() {
    WebSettings cors =
        new WebSettings(
            List.of("https://app.example.com"),
            WebSettings.DEFAULT_MAX_REQUEST_BYTES,
            Duration.ofSeconds(5),
            null,
            null);
    RouteTestApp.run(
        cors,
        (app, http) -> {
          Http.Response allowed = http.preflight("/api/me", "https://app.example.com", "PATCH");
          Http.Response refused = http.preflight("/api/me", "https://evil.example.com", "GET");

          assertThat(allowed.status()).isEqualTo(200);
          assertThat(allowed.header("Access-Control-Allow-Origin"))
              .isEqualTo("https://app.example.com");
          assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
          assertThat(
                  http.send("GET", "/health", Map.of("Origin", "https://app.example.com"), null)
                      .header("Access-Control-Allow-Origin"))
              .isEqualTo("https://app.example.com");
        });
  }

  @Test
  void unknownPathsAreProblemDocuments() {
    RouteTestApp.run(
        (app, http) -> {
          Http.Response missing = http.get("/nope", null);

          assertThat(missing.status()).isEqualTo(404);
          assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
          assertThat(missing.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:not-found");
        });
  }

  @Test
  void tokensNeverReachTheLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      RouteTestApp.run(
          (app, http) -> {
            String good = app.token("user_01LOG", "log@example.com");
            String forged = new TestKeys("k1").token("user_01LOG", Instant.now());
            http.get("/api/me", good);
            http.get("/api/me", forged);
            http.get("/api/me?access_token=" + good, null);
            app.workos.jwksMode(FakeWorkOs.JwksMode.ERROR_500);
            http.get("/api/me", app.token("user_01LOG2", "log2@example.com"));
          });
      assertThat(appender.list).isNotEmpty();
      assertThat(appender.list)
          .anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("GET /api/me 200"));
      for (ILoggingEvent event : appender.list) {
        String line =
            event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
        assertThat(line).doesNotContain("eyJ");
      }
    } finally {
      root.detachAppender(appender);
    }
  }
}
