package com.datamingle.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.TestKeys;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's {@code serve}, end to end: a local JWKS, a local fake of the WorkOS user API,
 * and SQLite or PostgreSQL. Also shutdown on SIGTERM with a request in flight.
 */
class ServeIT {
  @TempDir Path workDir;
  final TestKeys keys = new TestKeys("kid_serve");
  FakeWorkOs workos;
  Process server;
  Path out;
  Path err;

  @BeforeEach
  void fakes() throws IOException {
    workos =
        new FakeWorkOs(keys)
            .user("user_01SERVE", "user_01serve@example.com", "Ada", "Lovelace")
            .user("user_01LATE", "user_01late@example.com", "Ada", "Lovelace");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    workos.close();
  }

  static final String WEBHOOK_SECRET = "whsec_serve_it_0123456789";

  Map<String, String> env(String databaseUrl, int port) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", databaseUrl);
    env.put("PORT", Integer.toString(port));
    env.put("BIND_ADDRESS", "127.0.0.1");
    env.put("WORKOS_CLIENT_ID", "client_TEST");
    env.put("WORKOS_API_KEY", FakeWorkOs.API_KEY);
    env.put("WORKOS_ISSUERS", TestKeys.ISSUER);
    env.put("WORKOS_JWKS_URL", workos.jwksUrl().toString());
    env.put("WORKOS_API_BASE_URL", workos.baseUrl().toString());
    env.put("WORKOS_WEBHOOK_SECRET", WEBHOOK_SECRET);
    // every request's access line is at DEBUG (at INFO only slow ones, 5xx at WARN)
    env.put("DATAMINGLE_LOG_LEVEL", "DEBUG");
    return env;
  }

  Process start(Map<String, String> env, String... args) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(PackagedJar.command(args)).directory(workDir.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("WORKOS_") || k.startsWith("DATAMINGLE_") || k.equals("DATABASE_URL"));
    builder.environment().putAll(env);
    out = Files.createTempFile(workDir, "out", ".txt");
    err = Files.createTempFile(workDir, "err", ".txt");
    return builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
  }

  String output() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8)
        + Files.readString(err, StandardCharsets.UTF_8);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  Http waitUntilUp(int port) throws Exception {
    Http http = new Http("http://127.0.0.1:" + port);
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new AssertionError("serve exited early: " + output());
      }
      try {
        if (http.get("/health", null).status() == 200) {
          return http;
        }
      } catch (AssertionError notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("serve did not come up: " + output());
  }

  /**
   * {@code /ready}, once the warm-up is over: until then it answers 503 "warming up" (and nothing
   * else); the warm-up has a budget of seconds, so a minute is plenty.
   */
  Http.Response readyAfterWarmUp(Http http) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    Http.Response ready = http.get("/ready", null);
    while (ready.status() == 503 && Instant.now().isBefore(deadline)) {
      assertThat(ready.body()).as("503 from /ready while warming up").contains("warming up");
      Thread.sleep(100);
      ready = http.get("/ready", null);
    }
    return ready;
  }

  void exercise(String databaseUrl, boolean migrateFirst) throws Exception {
    int port = freePort();
    server =
        start(
            env(databaseUrl, port),
            migrateFirst ? new String[] {"serve", "--migrate"} : new String[] {"serve"});
    Http http = waitUntilUp(port);

    String token = keys.token("user_01SERVE", Instant.now());
    Http.Response me = http.get("/api/me", token);
    assertThat(me.status()).as(output()).isEqualTo(200);
    assertThat(me.json().get("email").asText()).isEqualTo("user_01serve@example.com");
    assertThat(me.json().get("first_name").asText()).isEqualTo("Ada");
    assertThat(http.get("/api/me", token).status()).isEqualTo(200);
    assertThat(workos.userCalls()).isEqualTo(1);
    assertThat(http.get("/api/me", keys.token("user_99UNKNOWN", Instant.now())).status())
        .isEqualTo(401);
    assertThat(readyAfterWarmUp(http).status()).as(output()).isEqualTo(200);
    assertThat(http.get("/api/users", token).status()).isEqualTo(403);

    // a signed webhook from WorkOS changes the email; the next request sees it
    var sender = new FakeWorkOs.Sender(http, WEBHOOK_SECRET);
    Http.Response hook =
        sender.deliver(
            FakeWorkOs.userEvent(
                "event_01SERVE",
                "user.updated",
                "user_01SERVE",
                "renamed@example.com",
                "Ada",
                Instant.now()));
    assertThat(hook.status()).as(hook.body()).isEqualTo(200);
    assertThat(hook.json().get("outcome").asText()).isEqualTo("applied");
    assertThat(http.get("/api/me", token).json().get("email").asText())
        .isEqualTo("renamed@example.com");
    assertThat(
            new FakeWorkOs.Sender(http, "whsec_wrong")
                .deliver(
                    FakeWorkOs.userEvent(
                        "event_02SERVE",
                        "user.deleted",
                        "user_01SERVE",
                        "renamed@example.com",
                        "Ada",
                        Instant.now()))
                .status())
        .isEqualTo(401);
    assertThat(http.get("/api/me", token).status()).isEqualTo(200);

    // SIGTERM with a first sign-in in flight: the request still completes, then serve exits 0
    workos.delayUsers(Duration.ofMillis(1500));
    CompletableFuture<Http.Response> inFlight =
        CompletableFuture.supplyAsync(
            () -> http.get("/api/me", keys.token("user_01LATE", Instant.now())));
    Thread.sleep(500);
    server.destroy();
    assertThat(inFlight.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server stopped").isTrue();
    assertThat(server.exitValue()).as(output()).isZero();

    String logs = output();
    assertThat(logs).contains("datamingle listening on http://127.0.0.1:" + port);
    assertThat(logs).contains("GET /api/me 200");
    assertThat(logs)
        .doesNotContain(FakeWorkOs.API_KEY)
        .doesNotContain("eyJ")
        .doesNotContain(WEBHOOK_SECRET);
    assertThat(logs)
        .contains("WorkOS webhooks at /webhooks/workos")
        .contains("POST /webhooks/workos 200");
    assertThat(logs).contains("datamingle: stopping").contains("datamingle: stopped");
  }

  @Test
  void servesOnSqlite() throws Exception {
    Process upgrade = start(Map.of("DATABASE_URL", "jdbc:sqlite:db.sqlite"), "db", "upgrade");
    assertThat(upgrade.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(upgrade.exitValue()).as(output()).isZero();

    exercise("jdbc:sqlite:db.sqlite", false);
  }

  @Test
  void servesOnPostgresql() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.createIsolated()) {
      exercise(database.postgresUrl(), true);
    }
  }

  @Test
  void refusesToStartWhenTheSchemaIsBehindHead() throws Exception {
    server = start(env("jdbc:sqlite:db.sqlite", freePort()), "serve");

    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isEqualTo(1);
    assertThat(output())
        .contains("not at head")
        .contains("datamingle db upgrade")
        .contains("--migrate");
  }

  @Test
  void aBusyPortIsOneClearLineWithoutALibraryLogLine() throws Exception {
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      server = start(Map.of("PORT", Integer.toString(busy.getLocalPort())), "serve", "--dev");

      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(server.exitValue()).isEqualTo(1);
    List<String> lines =
        Files.readAllLines(err, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.startsWith("!!"))
            .toList();
    assertThat(lines).as(output()).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("datamingle: cannot listen on 127.0.0.1:")
        .contains("--port");
    assertThat(output())
        .doesNotContain("ERROR")
        .doesNotContain("Javalin")
        .doesNotContain("Exception");
  }

  @Test
  void devModeServesDevTokens() throws Exception {
    int port = freePort();
    Map<String, String> env = Map.of("PORT", Integer.toString(port));
    server = start(env, "serve", "--dev");
    Http http = waitUntilUp(port);
    Process tokenProcess = start(Map.of(), "dev", "token", "--email", "dev@example.com", "--admin");
    assertThat(tokenProcess.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String token = Files.readString(out, StandardCharsets.UTF_8).strip();

    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    Http.Response users = http.get("/api/users", token);
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.json().get("users").get(0).get("email").asText()).isEqualTo("dev@example.com");
    assertThat(http.get("/dev/jwks.json", null).json().get("keys")).hasSize(1);

    // Ctrl-C (SIGINT) stops it like SIGTERM: drained, exit 0
    Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start();
    assertThat(interrupt.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server stopped").isTrue();
    assertThat(server.exitValue()).as(output()).isZero();
  }

  @Test
  void jsonLogsAreOneObjectPerLineWithTheRequestIdOnTheAccessLine() throws Exception {
    int port = freePort();
    server =
        start(
            Map.of(
                "PORT",
                Integer.toString(port),
                "DATAMINGLE_LOG_FORMAT",
                "json",
                // every request's access line is at DEBUG (at INFO only slow ones and errors)
                "DATAMINGLE_LOG_LEVEL",
                "DEBUG"),
            "serve",
            "--dev");
    Http http = waitUntilUp(port);
    Http.Response health = http.send("GET", "/health", Map.of("X-Request-Id", "req-json-1"), null);
    assertThat(health.header("X-Request-Id")).isEqualTo("req-json-1");
    assertThat(http.get("/health", null).header("X-Request-Id"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server stopped").isTrue();
    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : lines) {
      parsed.add(json.readTree(line));
    }
    assertThat(parsed)
        .as(output())
        .isNotEmpty()
        .allMatch(n -> n.has("level") && n.has("formattedMessage"));
    JsonNode access =
        parsed.stream()
            .filter(n -> n.path("loggerName").asText().equals("access"))
            .filter(n -> n.path("mdc").path("request_id").asText().equals("req-json-1"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no access line with the request id: " + lines));
    assertThat(access.get("formattedMessage").asText()).startsWith("GET /health 200");
    assertThat(access.get("kvpList").toString()).contains("\"status\":\"200\"");
  }
}
