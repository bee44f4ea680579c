package com.datamingle.adapter.web.testing;

import com.datamingle.adapter.web.auth.WorkOsTokenVerifier;
import com.datamingle.adapter.web.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WorkOS on 127.0.0.1, as this service meets it: the JWKS its tokens are checked against (it counts
 * fetches and can fail, stall or lie on demand), {@code GET /user_management/users/{id}} and {@code
 * GET /events} behind the API key, and the sender of signed webhook deliveries. Tokens are signed
 * with {@link #keys}.
 */
public final class FakeWorkOs implements AutoCloseable {
  public static final String API_KEY = "sk_test_0123456789abcdefSECRET";
  public static final String WEBHOOK_SECRET = "whsec_test_0123456789";
  public static final String ISSUER = TestKeys.ISSUER;
  private static final String JWKS_PATH = "/sso/jwks/client_TEST";
  private static final String USERS_PATH = "/user_management/users/";

  /** How the JWKS endpoint answers. */
  public enum JwksMode {
    OK,
    ERROR_500,
    HTML,
    SLOW
  }

  public final TestKeys keys;
  private final HttpServer server;
  private final List<TestKeys> published = new CopyOnWriteArrayList<>();
  private final AtomicInteger jwksFetches = new AtomicInteger();
  private volatile JwksMode jwksMode = JwksMode.OK;
  private final Map<String, String> users = new ConcurrentHashMap<>(); // id -> user JSON
  private final AtomicInteger userCalls = new AtomicInteger();
  private volatile boolean usersDown;
  private volatile Duration userDelay = Duration.ZERO;
  private final List<String[]> events = new CopyOnWriteArrayList<>(); // {id, type, json}
  private final List<Map<String, String>> eventRequests = new CopyOnWriteArrayList<>();
  private volatile int eventFailures;
  private final Map<String, List<String>> sessions = new ConcurrentHashMap<>(); // user -> ids
  private final List<String> revokedSessions = new CopyOnWriteArrayList<>();
  private volatile boolean sessionsDown;

  public FakeWorkOs() throws IOException {
    this(new TestKeys("k1"));
  }

  public FakeWorkOs(TestKeys keys) throws IOException {
    this.keys = keys;
    published.add(keys);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(JWKS_PATH, this::jwks);
    server.createContext(USERS_PATH, this::user);
    server.createContext("/events", this::events);
    server.createContext("/user_management/sessions/revoke", this::revokeSession);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The API's base URL (WORKOS_API_BASE_URL). */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // --- the JWKS ---

  public URL jwksUrl() {
    try {
      return baseUrl().resolve(JWKS_PATH).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes one more key (a rotation). */
  public void addKey(TestKeys key) {
    published.add(key);
  }

  public void jwksMode(JwksMode mode) {
    jwksMode = mode;
  }

  public int jwksFetches() {
    return jwksFetches.get();
  }

  /** A token of this session for a WorkOS user whose email comes with it. */
  public String token(String sub, String email, String sessionId) {
    return keys.token(
        sub,
        Instant.now(),
        b -> b.withClaim(WorkOsTokenVerifier.CLAIM_EMAIL, email).withClaim("sid", sessionId));
  }

  /** A token for a WorkOS user whose email comes with it (a JWT template). */
  public String token(String sub, String email) {
    return keys.token(sub, Instant.now(), b -> b.withClaim(WorkOsTokenVerifier.CLAIM_EMAIL, email));
  }

  private void jwks(HttpExchange exchange) throws IOException {
    jwksFetches.incrementAndGet();
    switch (jwksMode) {
      case ERROR_500 -> send(exchange, 500, "oops");
      case HTML -> send(exchange, 200, "<html>not json</html>");
      case SLOW -> {
        pause(3_000);
        send(exchange, 200, jwksJson());
      }
      default -> send(exchange, 200, jwksJson());
    }
  }

  private String jwksJson() throws IOException {
    return new ObjectMapper()
        .writeValueAsString(Map.of("keys", published.stream().map(TestKeys::jwk).toList()));
  }

  // --- the user directory ---

  /** A user WorkOS knows, as {@code GET /user_management/users/{id}} returns it. */
  public FakeWorkOs user(String id, String email, String firstName, String lastName) {
    users.put(
        id,
        "{\"object\":\"user\",\"id\":\""
            + id
            + "\",\"email\":\""
            + email
            + "\",\"email_verified\":true,\"first_name\":"
            + quoted(firstName)
            + ",\"last_name\":"
            + quoted(lastName)
            + ",\"profile_picture_url\":null,\"locale\":\"en\","
            + "\"created_at\":\"2026-01-01T00:00:00.000Z\","
            + "\"updated_at\":\"2026-01-01T00:00:00.000Z\"}");
    return this;
  }

  /** While down, the user API answers 503. */
  public void usersDown(boolean down) {
    usersDown = down;
  }

  /** Each answer of the user API waits this long first (a slow WorkOS). */
  public void delayUsers(Duration delay) {
    userDelay = delay;
  }

  public int userCalls() {
    return userCalls.get();
  }

  private void user(HttpExchange exchange) throws IOException {
    userCalls.incrementAndGet();
    pause(userDelay.toMillis());
    if (refusedKey(exchange)) {
      return;
    }
    String rest = exchange.getRequestURI().getPath().substring(USERS_PATH.length());
    if (rest.endsWith("/sessions")) {
      listSessions(exchange, rest.substring(0, rest.length() - "/sessions".length()));
      return;
    }
    String user = users.get(rest);
    if (usersDown) {
      send(exchange, 503, "{\"message\":\"try later\"}");
    } else if (user == null) {
      send(exchange, 404, "{\"message\":\"no\"}");
    } else {
      send(exchange, 200, user);
    }
  }

  // --- the sessions API ---

  /**
   * An active session of the user, as {@code GET /user_management/users/{id}/sessions} lists it.
   */
  public FakeWorkOs session(String userId, String sessionId) {
    sessions.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>()).add(sessionId);
    return this;
  }

  /** While down, the sessions API answers 503. */
  public void sessionsDown(boolean down) {
    sessionsDown = down;
  }

  /** The sessions revoked through {@code POST /user_management/sessions/revoke}, in order. */
  public List<String> revokedSessions() {
    return List.copyOf(revokedSessions);
  }

  /** The user's sessions, one page (the list is short), with WorkOS's list envelope. */
  private void listSessions(HttpExchange exchange, String userId) throws IOException {
    if (sessionsDown) {
      send(exchange, 503, "{\"message\":\"try later\"}");
      return;
    }
    List<String> data = new ArrayList<>();
    for (String id : sessions.getOrDefault(userId, List.of())) {
      data.add(
          "{\"object\":\"session\",\"id\":\""
              + id
              + "\",\"user_id\":\""
              + userId
              + "\",\"status\":\"active\",\"auth_method\":\"password\","
              + "\"expires_at\":\"2030-01-01T00:00:00.000Z\","
              + "\"created_at\":\"2026-01-01T00:00:00.000Z\","
              + "\"updated_at\":\"2026-01-01T00:00:00.000Z\"}");
    }
    send(
        exchange,
        200,
        "{\"object\":\"list\",\"data\":["
            + String.join(",", data)
            + "],\"list_metadata\":{\"before\":null,\"after\":null}}");
  }

  private void revokeSession(HttpExchange exchange) throws IOException {
    if (refusedKey(exchange)) {
      return;
    }
    if (sessionsDown || !"POST".equals(exchange.getRequestMethod())) {
      send(exchange, sessionsDown ? 503 : 405, "{\"message\":\"no\"}");
      return;
    }
    String id =
        new ObjectMapper().readTree(exchange.getRequestBody()).path("session_id").asText("");
    revokedSessions.add(id);
    sessions.values().forEach(list -> list.remove(id));
    send(exchange, 200, "{}");
  }

  /** A WorkOS {@code session.revoked} event body. */
  public static String sessionRevokedEvent(
      String eventId, String sessionId, String userId, Instant at) {
    return "{\"object\":\"event\",\"id\":\""
        + eventId
        + "\",\"event\":\"session.revoked\",\"data\":{\"object\":\"session\",\"id\":\""
        + sessionId
        + "\",\"user_id\":\""
        + userId
        + "\",\"status\":\"revoked\",\"auth_method\":\"password\","
        + "\"expires_at\":\"2030-01-01T00:00:00.000Z\",\"created_at\":\""
        + at
        + "\",\"updated_at\":\""
        + at
        + "\"},\"created_at\":\""
        + at
        + "\"}";
  }

  // --- the Events API ---

  /** Adds an event (a whole event object as JSON) at the end of the stream. */
  public FakeWorkOs addEvent(String id, String type, String eventJson) {
    events.add(new String[] {id, type, eventJson});
    return this;
  }

  /** The next {@code times} requests for events answer 503. */
  public void failNextEvents(int times) {
    eventFailures = times;
  }

  /** The query of every request for events. */
  public List<Map<String, String>> eventRequests() {
    return List.copyOf(eventRequests);
  }

  /**
   * As the reference describes it: oldest first with {@code order=asc}, {@code after} an event id,
   * {@code limit} 1-100, a {@code data} list and {@code list_metadata}.
   */
  private void events(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    eventRequests.add(query);
    if (refusedKey(exchange)) {
      return;
    }
    if (eventFailures > 0) {
      eventFailures--;
      send(exchange, 503, "{\"message\":\"try later\"}");
      return;
    }
    List<String> types = List.of(query.getOrDefault("events", "").split(","));
    int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
    if (limit < 1 || limit > 100 || !"asc".equals(query.get("order"))) {
      send(exchange, 422, "{\"message\":\"bad limit or order\"}");
      return;
    }
    int start = query.containsKey("after") ? -1 : 0;
    for (int i = 0; i < events.size() && start < 0; i++) {
      if (events.get(i)[0].equals(query.get("after"))) {
        start = i + 1;
      }
    }
    if (start < 0) {
      send(exchange, 422, "{\"message\":\"unknown cursor\"}");
      return;
    }
    List<String> page = new ArrayList<>();
    String last = null;
    for (int i = start; i < events.size() && page.size() < limit; i++) {
      if (types.contains(events.get(i)[1])) {
        page.add(events.get(i)[2]);
        last = events.get(i)[0];
      }
    }
    send(
        exchange,
        200,
        "{\"object\":\"list\",\"data\":["
            + String.join(",", page)
            + "],\"list_metadata\":{\"after\":"
            + quoted(last)
            + ",\"before\":null}}");
  }

  // --- webhooks ---

  /** A WorkOS user event body. */
  public static String userEvent(
      String eventId,
      String type,
      String userId,
      String email,
      String firstName,
      Instant updatedAt) {
    return "{\"object\":\"event\",\"id\":\""
        + eventId
        + "\",\"event\":\""
        + type
        + "\",\"data\":{\"object\":\"user\",\"id\":\""
        + userId
        + "\",\"email\":\""
        + email
        + "\",\"email_verified\":true,\"first_name\":"
        + quoted(firstName)
        + ",\"last_name\":null,\"profile_picture_url\":null,"
        + "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\""
        + updatedAt
        + "\",\"metadata\":{}},"
        + "\"created_at\":\""
        + updatedAt
        + "\"}";
  }

  /** Delivers webhooks to the service behind {@code http}, signed with {@link #WEBHOOK_SECRET}. */
  public static Sender sender(Http http) {
    return new Sender(http, WEBHOOK_SECRET);
  }

  /** Sends deliveries the way WorkOS does: a user event as JSON, signed with a secret. */
  public record Sender(Http http, String secret) {
    /** Delivers the body signed now. */
    public Http.Response deliver(String body) {
      return deliverSignedAt(body, Instant.now());
    }

    /** Delivers the body signed at this time (a replay of an old delivery, or a skewed clock). */
    public Http.Response deliverSignedAt(String body, Instant signedAt) {
      String header =
          new WebhookSignature(
                  secret, Clock.fixed(signedAt, ZoneOffset.UTC), WebhookSignature.DEFAULT_TOLERANCE)
              .header(body.getBytes(StandardCharsets.UTF_8));
      return deliverWithHeader(body, header);
    }

    public Http.Response deliverWithHeader(String body, String signatureHeader) {
      Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
      if (signatureHeader != null) {
        headers.put(WebhookSignature.HEADER, signatureHeader);
      }
      return http.send("POST", "/webhooks/workos", headers, body);
    }
  }

  // --- plumbing ---

  private static boolean refusedKey(HttpExchange exchange) throws IOException {
    if (("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return false;
    }
    send(exchange, 401, "{\"message\":\"Unauthorized\"}");
    return true;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
