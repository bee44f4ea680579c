package com.datamingle.adapter.cli.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.ApiRoute;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.RawHttp;
import com.datamingle.adapter.web.testing.RouteTable;
import com.datamingle.adapter.web.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The answers every client relies on, over the whole service on each database: 405 with Allow, a
 * challenge on every 401, problem documents for what Jetty refuses itself, UTF-8 whatever the
 * request held, 422 for text no database stores, and a just-rotated signing key accepted at once.
 * Raw sockets send what a real HTTP client would refuse to.
 */
@ParameterizedClass
@EnumSource(FullStack.Database.class)
class HttpAnswersIT {
  static final String ADMIN_EMAIL = "admin@example.com";
  static final String MEMBER = "user_01ANSWERSMEMBER";
  @Parameter FullStack.Database database;
  @TempDir Path dir;
  FullStack app;
  Http http;
  RawHttp raw;
  String adminToken;
  String memberToken;

  void start(Map<String, String> env) throws Exception {
    app = FullStack.start(database, dir, env);
    http = app.http();
    raw = new RawHttp(app.port());
    adminToken = app.admin(ADMIN_EMAIL);
    memberToken = app.token(MEMBER, "member@example.com");
    assertThat(http.get("/api/me", adminToken).status()).isEqualTo(200);
    assertThat(http.get("/api/me", memberToken).status()).isEqualTo(200);
  }

  void start() throws Exception {
    start(Map.of("WORKOS_WEBHOOK_SECRET", FakeWorkOs.WEBHOOK_SECRET));
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  String memberId() {
    return app.user(MEMBER).orElseThrow().id().toString();
  }

  /**
   * A problem document with this status: UTF-8 JSON with type, title and status, nothing internal.
   */
  static JsonNode assertProblem(RawHttp.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type"))
        .as(response.toString())
        .startsWith("application/problem+json");
    String body = response.utf8Body();
    JsonNode problem = response.json();
    assertThat(problem.path("type").asText()).startsWith("urn:datamingle:problem:");
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("status").isInt()).isTrue();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(body)
        .doesNotContain("<html")
        .doesNotContain("Exception")
        .doesNotContain("org.eclipse")
        .doesNotContain("java.");
    return problem;
  }

  /**
   * Each path of the route table with the methods it answers: its own, HEAD where it has GET, and
   * OPTIONS.
   */
  static Map<String, Set<String>> expectedMethods() {
    Map<String, Set<String>> byPath = new java.util.LinkedHashMap<>();
    for (ApiRoute route : RouteTable.routes()) {
      Set<String> methods =
          byPath.computeIfAbsent(route.path(), p -> new LinkedHashSet<>(List.of("OPTIONS")));
      methods.add(route.method());
      if (route.method().equals("GET")) {
        methods.add("HEAD");
      }
    }
    return byPath;
  }

  static Set<String> allowOf(String header) {
    assertThat(header).as("Allow").isNotNull();
    return Arrays.stream(header.split(",")).map(String::strip).collect(Collectors.toSet());
  }

  String request(String method, String target, String token, String contentType, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return method
        + " "
        + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Content-Length: "
        + bytes.length
        + "\r\n\r\n";
  }

  RawHttp.Response send(
      String method, String target, String token, String contentType, String body) {
    return raw.send(
        request(method, target, token, contentType, body),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aKnownPathCalledWithAnotherMethodIs405WithAllowAndUnknownPathsStay404() throws Exception {
    start();
    String id = memberId();
    for (var path : expectedMethods().entrySet()) {
      String target = path.getKey().replace("{id}", id);
      for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND")) {
        if (path.getValue().contains(method)) {
          continue;
        }
        RawHttp.Response response = send(method, target, adminToken, null, null);

        JsonNode problem = assertProblem(response, 405);
        assertThat(problem.path("type").asText())
            .isEqualTo("urn:datamingle:problem:method-not-allowed");
        assertThat(allowOf(response.header("Allow")))
            .as(method + " " + target)
            .isEqualTo(path.getValue());
      }
    }
    for (String target : List.of("/nope", "/api/nope", "/api/users/" + id + "/more", "/API/ME")) {
      for (String method : List.of("GET", "DELETE", "PATCH")) {
        assertProblem(send(method, target, adminToken, null, null), 404);
      }
    }
  }

  @Test
  void headAnswersAsGetWouldWithoutTheBodyAndOptionsListsTheMethods() throws Exception {
    start();
    RawHttp.Response anonymous = send("HEAD", "/api/me", null, null, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(anonymous.body()).isEmpty();

    RawHttp.Response signedIn = send("HEAD", "/api/me", memberToken, null, null);
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.header("Content-Type")).startsWith("application/json");
    assertThat(signedIn.body()).isEmpty();
    assertThat(send("HEAD", "/api/users", memberToken, null, null).status()).isEqualTo(403);
    assertThat(send("HEAD", "/health", null, null, null).status()).isEqualTo(200);

    for (var path : expectedMethods().entrySet()) {
      RawHttp.Response options =
          send("OPTIONS", path.getKey().replace("{id}", memberId()), null, null, null);
      assertThat(options.status()).as(path.getKey()).isIn(200, 204);
      assertThat(allowOf(options.header("Allow"))).as(path.getKey()).isEqualTo(path.getValue());
      assertThat(options.body()).isEmpty();
    }
  }

  @Test
  void corsPreflightStillWorksBesideOptions() throws Exception {
    start(
        Map.of(
            "CORS_ALLOWED_ORIGINS",
            "https://app.example.com",
            "WORKOS_WEBHOOK_SECRET",
            FakeWorkOs.WEBHOOK_SECRET));
    Http.Response preflight =
        http.preflight("/api/users/" + memberId(), "https://app.example.com", "PATCH");

    assertThat(preflight.status()).isBetween(200, 204);
    assertThat(preflight.header("Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.com");
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH");
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .containsIgnoringCase("authorization");
    Http.Response refused =
        http.send("DELETE", "/api/me", Map.of("Origin", "https://app.example.com"), null);
    assertThat(refused.status()).isEqualTo(405);
    assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
  }

  @Test
  void every401CarriesAChallenge() throws Exception {
    start();
    String forged = new TestKeys("k1").token("user_01FORGED", Instant.now());
    List<RawHttp.Response> bearer =
        List.of(
            send("GET", "/api/me", null, null, null),
            raw.get("/api/me", "Authorization: Basic dXNlcjpwYXNz"),
            raw.get("/api/me", "Authorization: Bearer"),
            send("GET", "/api/me", forged, null, null),
            send("GET", "/api/users", "not.a.token", null, null),
            send("PATCH", "/api/users/" + memberId(), "x", "application/json", "{}"),
            send("HEAD", "/api/me", forged, null, null));
    for (RawHttp.Response response : bearer) {
      assertThat(response.status()).as(response.toString()).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).as(response.toString()).startsWith("Bearer ");
    }
    assertThat(bearer.get(0).header("WWW-Authenticate")).doesNotContain("error=");
    assertThat(bearer.get(3).header("WWW-Authenticate")).contains("error=\"invalid_token\"");

    String event =
        FakeWorkOs.userEvent(
            "event_01CHALLENGE",
            "user.created",
            "user_01HOOKED",
            "h@example.com",
            "H",
            Instant.now());
    FakeWorkOs.Sender wrongSecret = new FakeWorkOs.Sender(http, "whsec_wrong");
    List<Http.Response> webhook =
        List.of(
            wrongSecret.deliver(event),
            wrongSecret.deliverWithHeader(event, null),
            wrongSecret.deliverWithHeader(event, "t=1, v1=00"),
            FakeWorkOs.sender(http).deliverSignedAt(event, Instant.now().minusSeconds(3600)));
    for (Http.Response response : webhook) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).startsWith("WorkOS-Signature ");
    }
  }

  @Test
  void errorsJettyRaisesItselfAreProblemDocuments() throws Exception {
    start();
    assertProblem(raw.get("/api/users?q=" + "a".repeat(20_000)), 414);
    assertProblem(raw.get("/api/me", "X-Padding: " + "a".repeat(20_000)), 431);
    assertProblem(raw.get("/api/me", "Authorization: Bearer " + "x".repeat(20_000)), 431);
    assertProblem(raw.get("/api/me", "Bad Header Line"), 400);
    assertProblem(raw.get("/api/me", "X-Control: a\u0001b"), 400);
    assertProblem(raw.send("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", null), 400);
    assertProblem(
        raw.send("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n", null),
        400);
    assertProblem(
        raw.send("GET /health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n", null), 400);
    assertProblem(
        raw.send(
            "GET http://other.example/health HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n",
            null),
        400);
    assertProblem(raw.send("NOT-HTTP\r\n\r\n", null), 400);
    RawHttp.Response version =
        raw.send("GET /health HTTP/9.9\r\nHost: a\r\nConnection: close\r\n\r\n", null);
    assertThat(version.status()).isIn(400, 505);
    assertProblem(version, version.status());
    assertProblem(raw.get("/api/users/%FF%FE"), 400);
    assertProblem(raw.get("/api/me/..;/x"), 400);
    assertProblem(raw.get("/api/users/%00"), 400);
    // a body announced larger than the limit is refused without waiting for it
    assertProblem(rawPatchOfMe("Content-Length: 10000000", "{"), 413);
    assertProblem(patchMe("{\"first_name\":\"" + "x".repeat(70_000) + "\"}"), 413);
    // a chunked body that breaks off, a body shorter than announced: the client's fault, not a 500
    assertProblem(rawPatchOfMe("Transfer-Encoding: chunked", "zz\r\n"), 400);
  }

  /** PATCH /api/me as the member with this JSON body. */
  RawHttp.Response patchMe(String json) {
    return send("PATCH", "/api/me", memberToken, "application/json", json);
  }

  /** PATCH /api/me as the member, over a raw socket, with this framing header and body. */
  RawHttp.Response rawPatchOfMe(String framing, String body) throws Exception {
    return raw.send(
        "PATCH /api/me HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer "
            + memberToken
            + "\r\nContent-Type: application/json\r\n"
            + framing
            + "\r\nConnection: close\r\n\r\n"
            + body,
        null);
  }

  @Test
  void problemDocumentsAreUtf8WhateverBytesTheRequestHeld() throws Exception {
    start();
    RawHttp.Response echoed = patchMe("{\"timezone\":\"\\u00e9\"}");
    assertThat(assertProblem(echoed, 422).path("errors").path("timezone").asText())
        .contains("'\u00e9'");

    JsonNode surrogate =
        assertProblem(patchMe("{\"timezone\":\"\\ud800\",\"language\":\"\\udfff\"}"), 422);
    assertThat(surrogate.path("errors").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("timezone", "language");
    RawHttp.Response surrogateName = patchMe("{\"\\udfffname\":1}");
    assertThat(surrogateName.status()).isIn(400, 422);
    assertProblem(surrogateName, surrogateName.status());

    byte[] latin1Body = "{\"first_name\":\"Zo\u00eb\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertProblem(
        raw.send(
            request("PATCH", "/api/me", memberToken, "application/json", null)
                .replace("Content-Length: 0", "Content-Length: " + latin1Body.length),
            latin1Body),
        400);

    JsonNode header =
        assertProblem(
            raw.send(
                request("PATCH", "/api/me", memberToken, "text/\u00e9\u00ff", "{}")
                    .replace("Content-Length: 0", "Content-Length: 2"),
                "{}".getBytes(StandardCharsets.UTF_8)),
            415);
    assertThat(header.path("detail").asText()).contains("text/\u00e9\u00ff");
    assertProblem(raw.get("/api/me", "Authorization: Bearer \u00e9\u00ff\u0080"), 401);

    JsonNode queryName =
        assertProblem(
            raw.get(
                "/api/users?%FF%FE=1&%ED%A0%80=2&\u00e9=3", "Authorization: Bearer " + adminToken),
            422);
    assertThat(queryName.path("errors").size()).isGreaterThanOrEqualTo(1);
    assertProblem(raw.get("/api/users?limit=%FF", "Authorization: Bearer " + adminToken), 422);
    assertProblem(raw.get("/api/users/%C3%A9%FF", "Authorization: Bearer " + adminToken), 400);
    assertProblem(raw.get("/api/users/%C3%A9", "Authorization: Bearer " + adminToken), 404);
    assertProblem(raw.get("/api/users/\u00e9", "Authorization: Bearer " + adminToken), 400);
  }

  @Test
  void textNoDatabaseStoresIs422NamingTheFieldAndChangesNothing() throws Exception {
    start();
    String before = app.snapshot();
    Map<String, String> unstorable =
        Map.of(
            "first_name", "\"Ada\\u0000Lovelace\"",
            "last_name", "\"\\ud800\"",
            "timezone", "\"Europe/Paris\\u0000\"",
            "language", "\"en\\u0000\"",
            "profile_picture_url", "\"https://img.example.com/\\udc00.png\"");
    for (var field : unstorable.entrySet()) {
      JsonNode problem =
          assertProblem(patchMe("{\"" + field.getKey() + "\":" + field.getValue() + "}"), 422);
      assertThat(problem.path("errors").fieldNames())
          .toIterable()
          .as(field.getKey())
          .containsExactly(field.getKey());
    }
    for (String q : List.of("%00", "a%00b", "%0A", "%1B[31m", "%C2%85")) {
      JsonNode problem =
          assertProblem(raw.get("/api/users?q=" + q, "Authorization: Bearer " + adminToken), 422);
      assertThat(problem.path("errors").fieldNames()).toIterable().containsExactly("q");
    }
    String event =
        FakeWorkOs.userEvent(
            "event_\\u0000NUL",
            "user.created",
            "user_01NUL",
            "nul@example.com",
            "N",
            Instant.now());
    JsonNode webhook = assertProblem(toRaw(FakeWorkOs.sender(http).deliver(event)), 422);
    assertThat(webhook.path("errors").has("id")).isTrue();
    String email =
        FakeWorkOs.userEvent(
            "event_01NULMAIL",
            "user.created",
            "user_01NUL",
            "n\\u0000ul@example.com",
            "N",
            Instant.now());
    assertProblem(toRaw(FakeWorkOs.sender(http).deliver(email)), 422);

    assertThat(app.snapshot()).isEqualTo(before);
    assertThat(http.get("/api/users?q=ada", adminToken).status()).isEqualTo(200);
  }

  /** An answer from the JDK client in RawHttp's form, for the problem assertions. */
  static RawHttp.Response toRaw(Http.Response response) {
    List<String> lines =
        response.headers().entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + ": " + v))
            .toList();
    return new RawHttp.Response(
        response.status(), lines, response.body().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aKeyRotatedInJustNowIsAcceptedOnItsFirstTokenEvenRightAfterMadeUpKids() throws Exception {
    start();
    int before = app.workos().jwksFetches();
    long startedAt = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> flood = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String madeUp =
            app.workos()
                .keys
                .token(
                    "user_01FLOOD",
                    Instant.now(),
                    b -> b.withKeyId("made-up-" + java.util.UUID.randomUUID()));
        flood.add(pool.submit(() -> http.get("/api/me", madeUp).status()));
      }
      Set<Integer> statuses = new HashSet<>();
      for (Future<Integer> status : flood) {
        statuses.add(status.get());
      }
      assertThat(statuses).containsOnly(401);
    } finally {
      pool.shutdownNow();
    }
    TestKeys rotated = new TestKeys("k2");
    app.workos().addKey(rotated);

    Http.Response first =
        http.get(
            "/api/me",
            rotated.token(
                "user_01ROTATED",
                Instant.now(),
                b ->
                    b.withClaim(
                        com.datamingle.adapter.web.auth.WorkOsTokenVerifier.CLAIM_EMAIL,
                        "rotated@example.com")));

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    // the service's key store fetches at most once a second (Wiring), plus one fetch in flight
    long allowed = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds() + 2;
    assertThat((long) app.workos().jwksFetches() - before)
        .as("JWKS fetches for 32 made-up kids and one rotation")
        .isLessThanOrEqualTo(allowed);
    Http.Response unknownNow =
        http.get(
            "/api/me",
            app.workos()
                .keys
                .token("user_01FLOOD", Instant.now(), b -> b.withKeyId("made-up-after")));
    assertThat(unknownNow.status()).isEqualTo(401);
    assertThat(unknownNow.header("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void aJwksThatCannotBeFetchedIs503OnlyForKeysNotCached() throws Exception {
    start();
    app.workos().jwksMode(FakeWorkOs.JwksMode.ERROR_500);

    assertThat(http.get("/api/me", app.token(MEMBER, "member@example.com")).status())
        .isEqualTo(200);
    Http.Response unknown =
        http.get(
            "/api/me",
            app.workos().keys.token("user_01NEWKID", Instant.now(), b -> b.withKeyId("k-new")));
    assertThat(unknown.status()).isEqualTo(503);
    assertThat(unknown.header("Retry-After")).isNotNull();
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }
}
