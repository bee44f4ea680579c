package com.datamingle.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.datamingle.adapter.web.auth.Role;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.JwksServer;
import com.datamingle.adapter.web.testing.WebTestApp;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.WorkOsUserId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The routes over the real application layer and SQLite, on a random port, with real tokens. */
class ApiRoutesTest {
  static final String ADMIN_SUB = "user_01ADMIN";
  static final String MEMBER_SUB = "user_01MEMBER";
  static final String GONE_SUB = "user_01GONE";

  @TempDir Path dir;
  WebTestApp app;

  void run(BiConsumer<WebTestApp, Http> test) {
    run(WebSettings.defaults().withWorkosWebhookSecret(WebTestApp.WEBHOOK_SECRET), test);
  }

  void run(WebSettings settings, BiConsumer<WebTestApp, Http> test) {
    try {
      app = new WebTestApp(dir, settings);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    JavalinTest.test(
        app.server.javalin(), (server, client) -> test.accept(app, new Http(client.getOrigin())));
  }

  @AfterEach
  void close() {
    if (app != null) {
      app.close();
    }
  }

  /** Signs in an admin, a member and a deactivated member; returns their tokens. */
  static Map<String, String> people(WebTestApp app, Http http) {
    String admin = app.token(ADMIN_SUB, "admin@example.com");
    String member = app.token(MEMBER_SUB, "member@example.com");
    String gone = app.token(GONE_SUB, "gone@example.com");
    assertThat(http.get("/api/me", admin).status()).isEqualTo(200);
    assertThat(http.get("/api/me", member).status()).isEqualTo(200);
    assertThat(http.get("/api/me", gone).status()).isEqualTo(200);
    app.services
        .changeUserAccess()
        .changeUserAccess(
            new ChangeUserAccessUseCase.Command(UserReference.parse(ADMIN_SUB), null, true));
    app.services
        .changeUserAccess()
        .changeUserAccess(
            new ChangeUserAccessUseCase.Command(UserReference.parse(GONE_SUB), false, null));
    return Map.of("admin", admin, "member", member, "deactivated", gone);
  }

  static String idOf(WebTestApp app, String sub) {
    return app.services.getUser().getUser(UserReference.parse(sub)).id().toString();
  }

  @Test
  void healthAndReadinessNeedNoToken() {
    run(
        (app, http) -> {
          assertThat(http.get("/health", null).json().get("status").asText()).isEqualTo("ok");
          assertThat(http.get("/ready", null).status()).isEqualTo(200);

          app.readiness =
              new Readiness.Status(false, "schema is behind head: run `datamingle db upgrade`");
          Http.Response notReady = http.get("/ready", null);

          assertThat(notReady.status()).isEqualTo(503);
          assertThat(notReady.header("Content-Type")).startsWith("application/problem+json");
          assertThat(notReady.header("Retry-After")).isNotNull();
          assertThat(notReady.json().get("detail").asText()).contains("db upgrade");
        });
  }

  @Test
  void theFirstVerifiedTokenCreatesTheUser() {
    run(
        (app, http) -> {
          Http.Response me = http.get("/api/me", app.token("user_01NEW", "New.Person@Example.com"));

          assertThat(me.status()).isEqualTo(200);
          JsonNode user = me.json();
          assertThat(user.get("workos_user_id").asText()).isEqualTo("user_01NEW");
          assertThat(user.get("email").asText()).isEqualTo("new.person@example.com");
          assertThat(user.get("is_active").asBoolean()).isTrue();
          assertThat(user.get("is_admin").asBoolean()).isFalse();
          assertThat(user.get("timezone").asText()).isEqualTo("UTC");
          assertThat(user.get("language").asText()).isEqualTo("en");
          assertThat(user.get("created_at").asText())
              .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
          assertThat(user.get("last_login_at").asText()).endsWith("Z");
          assertThat(user.has("last_session_id")).isFalse();
        });
  }

  @Test
  void withoutEmailClaimsTheProfileComesFromWorkOs() {
    run(
        (app, http) -> {
          app.directory.with(
              new WorkOsUserId("user_01PLAIN"),
              new IdentityProfile(
                  new Email("plain@example.com"), new PersonName("Plain"), null, null));

          Http.Response me = http.get("/api/me", app.keys.token("user_01PLAIN", Instant.now()));

          assertThat(me.status()).isEqualTo(200);
          assertThat(me.json().get("email").asText()).isEqualTo("plain@example.com");
          assertThat(me.json().get("first_name").asText()).isEqualTo("Plain");
        });
  }

  @Test
  void whenWorkOsIsDownAFirstSignInIs503AndCreatesNoRow() {
    run(
        (app, http) -> {
          app.directory.goDown();

          Http.Response me = http.get("/api/me", app.keys.token("user_01NOBODY", Instant.now()));

          assertThat(me.status()).isEqualTo(503);
          assertThat(me.header("Retry-After")).isNotNull();
          assertThat(app.users.writes()).isZero();
          assertThat(
                  app.services
                      .listUsers()
                      .listUsers(
                          com.datamingle.application.port.in.admin.ListUsersUseCase.Query
                              .firstPage())
                      .users())
              .isEmpty();
        });
  }

  @Test
  void aKnownSessionReadsWithoutWriting() {
    run(
        (app, http) -> {
          String token = app.token("user_01READER", "reader@example.com");
          http.get("/api/me", token);
          int writes = app.users.writes();

          for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/me", token).status()).isEqualTo(200);
          }

          assertThat(app.users.writes()).isEqualTo(writes);
        });
  }

  @Test
  void patchMeEditsTheProfile() {
    run(
        (app, http) -> {
          String token = app.token("user_01EDITOR", "editor@example.com");
          http.get("/api/me", token);

          Http.Response patched =
              http.patch(
                  "/api/me",
                  token,
                  "{\"first_name\":\" Grace"
                      + " \",\"last_name\":null,\"timezone\":\"Europe/Paris\",\"language\":\"pt-br\","
                      + "\"profile_picture_url\":\"https://img.example.com/g.png\"}");

          assertThat(patched.status()).as(patched.body()).isEqualTo(200);
          JsonNode user = patched.json();
          assertThat(user.get("first_name").asText()).isEqualTo("Grace");
          assertThat(user.get("last_name").isNull()).isTrue();
          assertThat(user.get("timezone").asText()).isEqualTo("Europe/Paris");
          assertThat(user.get("language").asText()).isEqualTo("pt-BR");
          assertThat(http.get("/api/me", token).json().get("profile_picture_url").asText())
              .isEqualTo("https://img.example.com/g.png");
        });
  }

  @Test
  void patchMeRefusesBadInputWithTheRightStatus() {
    run(
        (app, http) -> {
          String token = app.token("user_01EDITOR", "editor@example.com");
          http.get("/api/me", token);

          Http.Response unknown =
              http.patch(
                  "/api/me", token, "{\"nickname\":\"x\",\"email\":\"a@b.co\",\"is_admin\":true}");
          assertThat(unknown.status()).isEqualTo(422);
          assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
          assertThat(unknown.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:validation");
          assertThat(unknown.json().get("errors").get("email").asText()).isEqualTo("is read-only");
          assertThat(unknown.json().get("errors").get("is_admin").asText())
              .isEqualTo("is read-only");
          assertThat(unknown.json().get("errors").get("nickname").asText())
              .contains("not a known field");

          Http.Response invalid =
              http.patch(
                  "/api/me",
                  token,
                  "{\"timezone\":\"Mars/Base\",\"language\":\"!!\",\"first_name\":42,\"profile_picture_url\":\"ftp://x\"}");
          assertThat(invalid.status()).isEqualTo(422);
          assertThat(invalid.json().get("errors").fieldNames())
              .toIterable()
              .containsExactlyInAnyOrder(
                  "timezone", "language", "first_name", "profile_picture_url");
          assertThat(http.patch("/api/me", token, "{\"timezone\":null}").status()).isEqualTo(422);

          assertThat(http.patch("/api/me", token, "{\"first_name\":").status()).isEqualTo(400);
          assertThat(http.patch("/api/me", token, "").status()).isEqualTo(400);
          assertThat(http.patch("/api/me", token, "{} trailing").status()).isEqualTo(400);
          assertThat(
                  http.patch("/api/me", token, "{\"first_name\":\"a\",\"first_name\":\"b\"}")
                      .status())
              .isEqualTo(400);
          assertThat(http.patch("/api/me", token, "[1,2]").status()).isEqualTo(422);
          assertThat(
                  http.send(
                          "PATCH",
                          "/api/me",
                          Map.of("Authorization", "Bearer " + token, "Content-Type", "text/plain"),
                          "{}")
                      .status())
              .isEqualTo(415);
          assertThat(
                  http.send("PATCH", "/api/me", Map.of("Authorization", "Bearer " + token), "{}")
                      .status())
              .isEqualTo(415);
          Http.Response tooLarge =
              http.patch("/api/me", token, "{\"first_name\":\"" + "x".repeat(70_000) + "\"}");
          assertThat(tooLarge.status()).isEqualTo(413);
          assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        });
  }

  @Test
  void hostileBodiesNeverCauseA5xx() {
    run(
        (app, http) -> {
          String token = app.token("user_01HOSTILE", "hostile@example.com");
          http.get("/api/me", token);
          List<String> bodies =
              List.of(
                  "[".repeat(5_000),
                  "{\"a\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}",
                  "{\"first_name\":1e999999}",
                  "{\"first_name\":\"\\u0000\"}",
                  "\u0000\u0001\u0002",
                  "null",
                  "true",
                  "\"string\"",
                  "{\"timezone\":{\"$ne\":1}}",
                  "{\"language\":\"" + "a".repeat(60_000) + "\"}",
                  "{\"first_name\":\"\\ud800\"}",
                  "{\"__proto__\":{}}");
          for (String body : bodies) {
            Http.Response response = http.patch("/api/me", token, body);
            assertThat(response.status())
                .as(body.length() > 40 ? body.substring(0, 40) : body)
                .isBetween(400, 499);
          }
          String adminToken = people(app, http).get("admin");
          String id = idOf(app, "user_01HOSTILE");
          for (String body : bodies) {
            assertThat(http.patch("/api/users/" + id, adminToken, body).status())
                .isBetween(400, 499);
          }
          assertThat(http.get("/api/users?limit=abc", adminToken).status()).isEqualTo(422);
          assertThat(http.get("/api/users?cursor=%00%01", adminToken).status()).isEqualTo(422);
          assertThat(http.get("/api/users?q=" + "%25".repeat(300), adminToken).status())
              .isEqualTo(422);
          assertThat(http.get("/api/users/%27%20OR%201=1--", adminToken).status()).isEqualTo(404);
        });
  }

  @Test
  void adminsListUsersInCursorPagesWithFilters() {
    run(
        (app, http) -> {
          String admin = people(app, http).get("admin");
          for (int i = 0; i < 5; i++) {
            http.get("/api/me", app.token("user_01EXTRA" + i, "extra" + i + "@example.com"));
          }

          List<String> seen = new ArrayList<>();
          String cursor = null;
          int pages = 0;
          do {
            Http.Response page =
                http.get("/api/users?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("users").forEach(u -> seen.add(u.get("email").asText()));
            cursor =
                page.json().get("next_cursor").isNull()
                    ? null
                    : page.json().get("next_cursor").asText();
            pages++;
          } while (cursor != null);

          assertThat(seen).hasSize(8).doesNotHaveDuplicates();
          assertThat(pages).isEqualTo(3);
          assertThat(http.get("/api/users?q=EXTRA", admin).json().get("users")).hasSize(5);
          assertThat(http.get("/api/users?active=false", admin).json().get("users")).hasSize(1);
          assertThat(
                  http.get("/api/users?admin=true", admin)
                      .json()
                      .get("users")
                      .get(0)
                      .get("email")
                      .asText())
              .isEqualTo("admin@example.com");
          Http.Response bad = http.get("/api/users?limit=201&active=maybe&sort=email", admin);
          assertThat(bad.status()).isEqualTo(422);
          assertThat(bad.json().get("errors").fieldNames())
              .toIterable()
              .containsExactlyInAnyOrder("limit", "active", "sort");
          assertThat(http.get("/api/users?limit=0", admin).status()).isEqualTo(422);
          assertThat(http.get("/api/users?cursor=bm9wZQ", admin).status()).isEqualTo(422);
        });
  }

  @Test
  void adminsReadAndChangeOneUserButNeverRemoveTheLastAdmin() {
    run(
        (app, http) -> {
          String admin = people(app, http).get("admin");
          String memberId = idOf(app, MEMBER_SUB);
          String adminId = idOf(app, ADMIN_SUB);

          assertThat(http.get("/api/users/" + memberId, admin).json().get("email").asText())
              .isEqualTo("member@example.com");
          assertThat(http.get("/api/users/0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", admin).status())
              .isEqualTo(404);
          assertThat(http.get("/api/users/not-a-uuid", admin).status()).isEqualTo(404);

          Http.Response lastAdmin =
              http.patch("/api/users/" + adminId, admin, "{\"is_admin\":false}");
          assertThat(lastAdmin.status()).isEqualTo(409);
          assertThat(lastAdmin.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:last-active-admin");
          assertThat(http.patch("/api/users/" + adminId, admin, "{\"is_active\":false}").status())
              .isEqualTo(409);

          Http.Response promoted =
              http.patch("/api/users/" + memberId, admin, "{\"is_admin\":true}");
          assertThat(promoted.status()).isEqualTo(200);
          assertThat(promoted.json().get("is_admin").asBoolean()).isTrue();
          assertThat(http.patch("/api/users/" + adminId, admin, "{\"is_admin\":false}").status())
              .isEqualTo(200);
          assertThat(http.patch("/api/users/" + memberId, admin, "{\"email\":\"x@y.zz\"}").status())
              .isEqualTo(403);
          assertThat(
                  http.patch(
                          "/api/users/" + memberId,
                          app.token("user_01MEMBER", "member@example.com"),
                          "{\"is_active\":\"yes\"}")
                      .status())
              .isEqualTo(422);
        });
  }

  @Test
  void everyRouteIsAuthorizedForEachKindOfCaller() {
    run(
        (app, http) -> {
          Map<String, String> tokens = people(app, http);
          String someId = idOf(app, MEMBER_SUB);
          for (ApiRoute route :
              WebModule.routes(dummyDeps(), WebSettings.defaults(), new ObjectMapper())) {
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
                  // WorkOsWebhookContract)
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

  private static WebDependencies dummyDeps() {
    return new WebDependencies(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        () -> new Readiness.Status(true, null),
        new com.datamingle.adapter.web.ops.Metrics());
  }

  @Test
  void badTokensAre401WithInvalidTokenAndNeverEchoed() {
    run(
        (app, http) -> {
          String forged =
              new com.datamingle.adapter.web.testing.TestKeys("k1")
                  .token("user_01X", Instant.now());
          Http.Response response = http.get("/api/me", forged);

          assertThat(response.status()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate"))
              .isEqualTo("Bearer error=\"invalid_token\"");
          assertThat(response.body()).doesNotContain(forged).doesNotContain("Exception");

          String good = app.token("user_01OK", "ok@example.com");
          assertThat(
                  http.send("GET", "/api/me", Map.of("Authorization", "bearer " + good), null)
                      .status())
              .isEqualTo(200);
          assertThat(
                  http.send("GET", "/api/me", Map.of("Authorization", "Basic dXNlcjpwYXNz"), null)
                      .status())
              .isEqualTo(401);
          assertThat(http.send("GET", "/api/me", Map.of("Authorization", "Bearer "), null).status())
              .isEqualTo(401);
          assertThat(http.get("/api/me?access_token=" + good, null).status()).isEqualTo(401);
          assertThat(
                  http.send("GET", "/api/me", Map.of("Cookie", "access_token=" + good), null)
                      .status())
              .isEqualTo(401);
          assertThat(
                  http.send(
                          "GET",
                          "/api/me",
                          Map.of("Authorization", "Bearer " + "x".repeat(9_000)),
                          null)
                      .status())
              .isEqualTo(401);
          assertThat(
                  http.send(
                          "GET",
                          "/api/me",
                          Map.of("Authorization", "Bearer " + "x".repeat(20_000)),
                          null)
                      .status())
              .isEqualTo(431);
        });
  }

  @Test
  void twoAuthorizationHeadersAreRefused() throws Exception {
    run(
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
  void methodOverrideCannotGetAroundRoles() {
    run(
        (app, http) -> {
          Map<String, String> tokens = people(app, http);
          String adminId = idOf(app, ADMIN_SUB);

          Http.Response overridden =
              http.send(
                  "POST",
                  "/api/users/" + adminId,
                  Map.of(
                      "Authorization",
                      "Bearer " + tokens.get("member"),
                      "X-HTTP-Method-Override",
                      "PATCH",
                      "Content-Type",
                      "application/json"),
                  "{\"is_admin\":false}");

          assertThat(overridden.status()).isIn(403, 404, 405);
          assertThat(app.services.getUser().getUser(UserReference.parse(ADMIN_SUB)).admin())
              .isTrue();
        });
  }

  @Test
  void deactivatedUsersGet403OnEverySignedInRoute() {
    run(
        (app, http) -> {
          String gone = people(app, http).get("deactivated");
          Http.Response response = http.get("/api/me", gone);

          assertThat(response.status()).isEqualTo(403);
          assertThat(response.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:account-deactivated");
        });
  }

  @Test
  void aJwksOutageIs503WithRetryAfter() {
    run(
        (app, http) -> {
          app.jwks.mode(JwksServer.Mode.ERROR_500);

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
    run(
        cors,
        (app, http) -> {
          Http.Response allowed =
              http.send(
                  "OPTIONS",
                  "/api/me",
                  Map.of(
                      "Origin",
                      "https://app.example.com",
                      "Access-Control-Request-Method",
                      "PATCH",
                      "Access-Control-Request-Headers",
                      "authorization,content-type"),
                  null);
          Http.Response refused =
              http.send(
                  "OPTIONS",
                  "/api/me",
                  Map.of(
                      "Origin", "https://evil.example.com", "Access-Control-Request-Method", "GET"),
                  null);

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
    run(
        (app, http) -> {
          Http.Response missing = http.get("/nope", null);

          assertThat(missing.status()).isEqualTo(404);
          assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
          assertThat(missing.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:not-found");
        });
  }

  @Test
  void metricsCountRequestsByRouteAndJwksFetches() {
    run(
        (app, http) -> {
          http.get("/api/me", app.token("user_01M", "m@example.com"));
          http.get("/health", null);

          String metrics = http.get("/metrics", null).body();

          assertThat(metrics)
              .contains(
                  "http_server_requests_seconds_count{method=\"GET\",route=\"/api/me\",status=\"200\"}");
          assertThat(metrics).contains("http_server_requests_seconds_bucket");
          assertThat(metrics).containsPattern("datamingle_jwks_fetches_total 1(\\.0)?");
        });
  }

  @Test
  void theOpenApiDocumentMatchesTheRoutes() {
    run(
        (app, http) -> {
          JsonNode doc = http.get("/openapi.json", null).json();
          assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
          Set<String> documented = new HashSet<>();
          doc.get("paths")
              .fields()
              .forEachRemaining(
                  path ->
                      path.getValue()
                          .fieldNames()
                          .forEachRemaining(
                              method -> {
                                if (!method.equals("parameters")) {
                                  documented.add(
                                      method.toUpperCase(java.util.Locale.ROOT)
                                          + " "
                                          + path.getKey());
                                }
                              }));
          Set<String> registered = new HashSet<>();
          for (ApiRoute route :
              WebModule.routes(dummyDeps(), WebSettings.defaults(), new ObjectMapper())) {
            registered.add(route.method() + " " + route.path());
            if (route.role() != Role.ANYONE) {
              assertThat(
                      doc.get("paths")
                          .get(route.path())
                          .get(route.method().toLowerCase(java.util.Locale.ROOT))
                          .has("security"))
                  .as(route.path())
                  .isTrue();
            }
          }
          assertThat(documented).isEqualTo(registered);
        });
  }

  @Test
  void theDocsPageLoadsSwaggerUiFromItsWebjar() {
    run(
        (app, http) -> {
          Http.Response docs = http.get("/docs", null);
          assertThat(docs.status()).isEqualTo(200);
          assertThat(docs.body()).contains("SwaggerUIBundle").contains("/openapi.json");
          String bundle =
              docs.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
          assertThat(http.get(bundle, null).status()).isEqualTo(200);
        });
  }

  @Test
  void tokensNeverReachTheLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      run(
          (app, http) -> {
            String good = app.token("user_01LOG", "log@example.com");
            String forged =
                new com.datamingle.adapter.web.testing.TestKeys("k1")
                    .token("user_01LOG", Instant.now());
            http.get("/api/me", good);
            http.get("/api/me", forged);
            http.get("/api/me?access_token=" + good, null);
            app.jwks.mode(JwksServer.Mode.ERROR_500);
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
