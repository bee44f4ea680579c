package com.datamingle.adapter.cli.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.ApiRoute;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.RawHttp;
import com.datamingle.adapter.web.testing.RouteTable;
import com.datamingle.adapter.web.testing.TestKeys;
import com.datamingle.adapter.web.webhook.WebhookSignature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated JSON bodies, query strings, path segments and headers thrown at every route of the
 * whole service, on each database (a subclass each). Whatever arrives: no 5xx; every error is a
 * UTF-8 problem document with {@code type}, {@code title} and {@code status}; no body names a Java
 * class or holds a stack trace; and a refused request changes no row. Requests go over raw sockets,
 * so bytes no real client would send get through too.
 */
abstract class GenerativeHttpContract {
  static final String MEMBER = "user_01GENMEMBER";
  static final String GONE = "user_01GENGONE";
  static final int TRIES = 100;

  /** The fields of a user a client may try to write. */
  static final List<String> USER_FIELDS =
      List.of(
          "first_name",
          "last_name",
          "timezone",
          "language",
          "profile_picture_url",
          "is_active",
          "is_admin");

  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|\\tat"
              + " |\\.java:\\d|\\b(java|javax|jakarta|kotlin|io\\.javalin|org\\.eclipse|com\\.fasterxml|com\\.datamingle"
              + "|org\\.postgresql|org\\.sqlite|org\\.apache)\\.[a-z]");
  private static final ObjectMapper ASCII_JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  FullStack app;
  Path dir;
  RawHttp raw;
  Map<String, String> callers;
  List<String> ids;
  WebhookSignature signer;

  abstract FullStack.Database database();

  @BeforeProperty
  void startTheService() throws Exception {
    dir = Files.createTempDirectory("datamingle-generative");
    app = FullStack.start(database(), dir);
    raw = new RawHttp(app.port());
    String admin = app.admin("admin@example.com");
    String member = app.token(MEMBER, "member@example.com");
    String gone = app.token(GONE, "gone@example.com");
    for (String token : List.of(admin, member, gone)) {
      assertThat(raw.get("/api/me", "Authorization: Bearer " + token).status()).isEqualTo(200);
    }
    String goneId = idOf(GONE);
    assertThat(app.http().patch("/api/users/" + goneId, admin, "{\"is_active\":false}").status())
        .isEqualTo(200);
    callers = new LinkedHashMap<>();
    callers.put("anonymous", null);
    callers.put("admin", "Bearer " + admin);
    callers.put("member", "Bearer " + member);
    callers.put("deactivated", "Bearer " + gone);
    callers.put("forged", "Bearer " + new TestKeys("k1").token(MEMBER, Instant.now()));
    callers.put(
        "expired", "Bearer " + app.workos().keys.token(MEMBER, Instant.now().minusSeconds(3600)));
    callers.put("garbage", "Bearer not.a.token");
    callers.put("basic", "Basic dXNlcjpwYXNz");
    ids =
        List.of(
            idOf(FullStack.adminSubject("admin@example.com")),
            idOf(MEMBER),
            goneId,
            UUID.randomUUID().toString());
    signer =
        new WebhookSignature(
            FakeWorkOs.WEBHOOK_SECRET, Clock.systemUTC(), WebhookSignature.DEFAULT_TOLERANCE);
  }

  @AfterProperty
  void stopTheService() {
    if (app != null) {
      app.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String idOf(String workosUserId) {
    return app.user(workosUserId).orElseThrow().id().toString();
  }

  /**
   * One generated request: its method, target (path and query, as bytes on the wire), header lines
   * and body.
   */
  record Request(String method, String target, List<String> headers, byte[] body) {
    @Override
    public String toString() {
      return method
          + " "
          + target
          + " "
          + headers
          + " "
          + new String(body == null ? new byte[0] : body, StandardCharsets.ISO_8859_1);
    }
  }

  /** Sends the request and checks every promise the API makes about its answer. */
  void assertHonest(Request request) {
    String before = app.snapshot();
    StringBuilder head =
        new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n");
    boolean hasHost =
        request.headers().stream().anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
    if (!hasHost) {
      head.append("Host: 127.0.0.1\r\n");
    }
    for (String header : request.headers()) {
      head.append(header).append("\r\n");
    }
    byte[] body = request.body() == null ? new byte[0] : request.body();
    head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");

    RawHttp.Response response = raw.send(head.toString(), body);

    String what = request + " -> " + response;
    Statistics.label("status").collect(response.status());
    assertThat(response.status()).as(what).isBetween(200, 499);
    if (response.header("Content-Encoding") != null) {
      assertThat(response.status()).as("only a success is compressed: " + what).isLessThan(400);
      return;
    }
    String text = response.utf8Body();
    assertThat(INTERNALS.matcher(text).find()).as("internals in the body of " + what).isFalse();
    if (response.status() >= 400) {
      if (!request.method().equals("HEAD")) {
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").isTextual()).as(what).isTrue();
        assertThat(problem.path("title").asText()).as(what).isNotBlank();
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
      }
      assertThat(app.snapshot()).as("rows changed by the refused " + what).isEqualTo(before);
    } else if (response.header("Content-Type") != null
        && response.header("Content-Type").startsWith("application/json")
        && response.body().length > 0) {
      response.json();
    }
  }

  // ---- the properties ----

  @Property(tries = TRIES)
  void anyJsonBodyAtARouteThatTakesOne(
      @ForAll("bodyRoutes") String route,
      @ForAll("callerNames") String caller,
      @ForAll("bodies") byte[] body,
      @ForAll("contentTypes") String contentType,
      @ForAll @IntRange(max = 3) int who) {
    List<String> headers = new ArrayList<>();
    if (contentType != null) {
      headers.add("Content-Type: " + contentType);
    }
    if (route.startsWith("POST /webhooks")) {
      if (!caller.equals("anonymous")) {
        headers.add(WebhookSignature.HEADER + ": " + signer.header(body));
      }
    } else if (callers.get(caller) != null) {
      headers.add("Authorization: " + callers.get(caller));
    }
    String[] parts = route.split(" ", 2);
    assertHonest(new Request(parts[0], withId(parts[1], who), headers, body));
  }

  @Property(tries = TRIES)
  void anyQueryStringAtAnyRoute(
      @ForAll("routes") String route,
      @ForAll("callerNames") String caller,
      @ForAll("queries") String query,
      @ForAll @IntRange(max = 3) int who) {
    String[] parts = route.split(" ", 2);
    assertHonest(
        new Request(parts[0], withId(parts[1], who) + "?" + query, authorization(caller), null));
  }

  @Property(tries = TRIES)
  void anyPathSegmentAtAnyRoute(
      @ForAll("methods") String method,
      @ForAll("callerNames") String caller,
      @ForAll("paths") String path) {
    assertHonest(new Request(method, path, authorization(caller), null));
  }

  @Property(tries = TRIES)
  void anyHeadersAtAnyRoute(
      @ForAll("routes") String route,
      @ForAll("headerLines") List<String> headers,
      @ForAll @IntRange(max = 3) int who) {
    String[] parts = route.split(" ", 2);
    assertHonest(new Request(parts[0], withId(parts[1], who), headers, null));
  }

  private List<String> authorization(String caller) {
    return callers.get(caller) == null
        ? List.of()
        : List.of("Authorization: " + callers.get(caller));
  }

  /**
   * The path with {id} replaced by the admin's, the member's, the deactivated user's or an unknown
   * id.
   */
  private String withId(String path, int who) {
    return path.replace("{id}", ids.get(who));
  }

  // ---- what is generated ----

  /**
   * Every route of the table (mostly), and its paths under HEAD, OPTIONS and methods no route has.
   */
  @Provide
  Arbitrary<String> routes() {
    Set<String> declared = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    for (ApiRoute route : RouteTable.routes()) {
      declared.add(route.method() + " " + route.path());
      for (String other :
          List.of("HEAD", "OPTIONS", "DELETE", "PUT", "POST", "PATCH", "GET", "TRACE")) {
        others.add(other + " " + route.path());
      }
    }
    others.removeAll(declared);
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(List.copyOf(declared))),
        Tuple.of(1, Arbitraries.of(List.copyOf(others))));
  }

  @Provide
  Arbitrary<String> bodyRoutes() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            4, Arbitraries.of("PATCH /api/me", "PATCH /api/users/{id}", "POST /webhooks/workos")),
        Tuple.of(
            1,
            Arbitraries.of(
                "POST /api/me",
                "PUT /api/users/{id}",
                "PATCH /api/users",
                "POST /webhooks/workos/x")));
  }

  /**
   * Mostly callers who get past the access check, so that the generated parts reach the handlers.
   */
  @Provide
  Arbitrary<String> callerNames() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of("admin", "member")),
        Tuple.of(
            1,
            Arbitraries.of("anonymous", "deactivated", "forged", "expired", "garbage", "basic")));
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "PATCH", "POST", "DELETE", "HEAD", "OPTIONS", "PUT");
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "application/json",
            "application/json; charset=utf-8",
            "APPLICATION/JSON",
            "application/json;charset=latin1"),
        Arbitraries.of(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/problem+json",
            "",
            ";",
            "application/json\u00e9",
            "\u00ff\u00fe"),
        Arbitraries.just((String) null));
  }

  /**
   * Text meant to hurt: controls, NUL, lone surrogates, non-ASCII, long, injection-shaped, and
   * plain values.
   */
  @Provide
  Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(20),
        Arbitraries.strings().withCharRange('\u0000', '\u009f').ofMaxLength(8),
        Arbitraries.strings()
            .withChars('\ud800', '\udbff', '\udc00', '\udfff', 'a', '\u00e9', '\u0000')
            .ofMaxLength(6),
        Arbitraries.of(
            "",
            " ",
            "\u0000",
            "Ada\u0000",
            "\ud800",
            "x\udc00",
            "caf\u00e9",
            "\ud83d\ude00",
            "Europe/Paris",
            "UTC",
            "Mars/Olympus",
            "en",
            "pt-BR",
            "https://img.example.com/a.png",
            "ftp://x",
            "javascript:alert(1)",
            "<script>",
            "'; DROP TABLE users;--",
            "%00",
            "\\",
            "\"",
            "x".repeat(300),
            "null",
            "true",
            "user_01GENMEMBER",
            "a@example.com",
            "2026-05-01T10:00:00Z",
            "user.created",
            "user.deleted",
            "event_01GEN",
            "\u202e",
            "\ufeff",
            "\uffff"));
  }

  /** Any JSON value, objects and arrays nested up to {@code depth}. */
  Arbitrary<JsonNode> json(int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    Arbitrary<JsonNode> leaf =
        Arbitraries.oneOf(
            hostileText().map(nodes::textNode),
            Arbitraries.integers().map(i -> (JsonNode) nodes.numberNode(i)),
            Arbitraries.doubles().map(d -> (JsonNode) nodes.numberNode(d)),
            Arbitraries.of(nodes.booleanNode(true), nodes.booleanNode(false), nodes.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> child = json(depth - 1);
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                Stream.concat(
                        USER_FIELDS.stream(),
                        Stream.of("email", "id", "created_at", "event", "data"))
                    .toList()),
            hostileText());
    Arbitrary<JsonNode> object =
        Arbitraries.maps(keys, child)
            .ofMaxSize(4)
            .map(
                fields -> {
                  ObjectNode node = nodes.objectNode();
                  fields.forEach(node::set);
                  return node;
                });
    Arbitrary<JsonNode> array =
        child
            .list()
            .ofMaxSize(3)
            .map(
                items -> {
                  ArrayNode node = nodes.arrayNode();
                  items.forEach(node::add);
                  return node;
                });
    return Arbitraries.oneOf(leaf, object, object, array);
  }

  /** A profile edit as a client would send one, with hostile values. */
  Arbitrary<JsonNode> profileEdit() {
    Arbitrary<JsonNode> value =
        Arbitraries.oneOf(
            hostileText().map(JsonNodeFactory.instance::textNode),
            Arbitraries.just(JsonNodeFactory.instance.nullNode()),
            Arbitraries.just(JsonNodeFactory.instance.booleanNode(true)));
    return Arbitraries.maps(Arbitraries.of(USER_FIELDS), value)
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(
            fields -> {
              ObjectNode node = JsonNodeFactory.instance.objectNode();
              fields.forEach(node::set);
              return node;
            });
  }

  /** A WorkOS user event with hostile parts, which the signed deliveries carry. */
  Arbitrary<JsonNode> event() {
    Arbitrary<String> id =
        Arbitraries.oneOf(
            hostileText(),
            Arbitraries.strings().alpha().numeric().ofLength(8).map(s -> "event_" + s));
    Arbitrary<String> kind =
        Arbitraries.oneOf(
            Arbitraries.of("user.created", "user.updated", "user.deleted", "session.created"),
            hostileText());
    Arbitrary<String> user =
        Arbitraries.oneOf(Arbitraries.of("user_01GENHOOK", MEMBER), hostileText());
    Arbitrary<String> email = Arbitraries.oneOf(Arbitraries.of("hook@example.com"), hostileText());
    Arbitrary<String> updatedAt =
        Arbitraries.oneOf(Arbitraries.just(Instant.now().toString()), hostileText());
    return Combinators.combine(id, kind, user, email, hostileText(), updatedAt)
        .as(
            (i, k, u, e, name, at) -> {
              ObjectNode data =
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("object", "user")
                      .put("id", u)
                      .put("email", e)
                      .put("first_name", name)
                      .put("updated_at", at);
              return (JsonNode)
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("object", "event")
                      .put("id", i)
                      .put("event", k)
                      .put("created_at", at)
                      .set("data", data);
            });
  }

  /**
   * Bodies as bytes: JSON written as UTF-8 or escaped ASCII, sometimes broken, sometimes not JSON
   * at all.
   */
  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<JsonNode> document = Arbitraries.oneOf(json(2), profileEdit(), event());
    Arbitrary<byte[]> encoded =
        Combinators.combine(document, Arbitraries.of(true, false))
            .as(GenerativeHttpContract::encode);
    Arbitrary<byte[]> broken =
        Combinators.combine(
                encoded,
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(0, 1_000))
            .as(
                (bytes, noise, at) -> {
                  int cut = Math.min(at, bytes.length);
                  byte[] mixed = new byte[cut + noise.length];
                  System.arraycopy(bytes, 0, mixed, 0, cut);
                  System.arraycopy(noise, 0, mixed, cut, noise.length);
                  return mixed;
                });
    Arbitrary<byte[]> notJson =
        Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofMaxSize(30),
            Arbitraries.of(
                    "",
                    "{",
                    "[",
                    "{}",
                    "[]",
                    "null",
                    "{\"a\":" + "[".repeat(2_000),
                    "{\"first_name\":1e999999}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    return Arbitraries.frequencyOf(Tuple.of(6, encoded), Tuple.of(2, broken), Tuple.of(2, notJson));
  }

  static byte[] encode(JsonNode document, boolean ascii) {
    try {
      if (ascii) {
        return ASCII_JSON.writeValueAsBytes(document);
      }
      // as UTF-8; a lone surrogate has no UTF-8 form, so the JDK encoder writes '?' for it
      return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Query strings: known and unknown names, values percent-encoded from hostile text or raw bytes,
   * or bytes not allowed at all.
   */
  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> name =
        Arbitraries.oneOf(
            Arbitraries.of("limit", "cursor", "q", "active", "admin", "access_token"),
            encodedText(),
            rawBytes());
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of("1", "200", "201", "-1", "abc", "true", "false", "maybe", "bm9wZQ"),
            encodedText(),
            rawBytes());
    Arbitrary<String> pair =
        Combinators.combine(name, value, Arbitraries.of("=", "", "=="))
            .as((n, v, eq) -> n + eq + v);
    return pair.list().ofMaxSize(4).map(pairs -> String.join("&", pairs));
  }

  /**
   * Text as a client would percent-encode it (UTF-8), including encoded lone surrogates and
   * overlong forms.
   */
  Arbitrary<String> encodedText() {
    return Arbitraries.oneOf(
        hostileText().map(GenerativeHttpContract::percentEncode),
        Arbitraries.of(
            "%ED%A0%80",
            "%C0%80", "%FF", "%E9", "%00", "%", "%G1", "%2", "%2F", "%3F", "%23", "%25%30%30"));
  }

  /** Characters sent as they are: ISO-8859-1 bytes, spaces and controls included. */
  Arbitrary<String> rawBytes() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u00ff')
        .ofMaxLength(6)
        .filter(s -> s.indexOf('\r') < 0 && s.indexOf('\n') < 0);
  }

  static String percentEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        byte[] bytes;
        if (Character.isSurrogate(c)
            && !(Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)))) {
          // a lone surrogate, encoded the way CESU-8 would (three bytes no UTF-8 decoder accepts)
          bytes =
              new byte[] {
                (byte) 0xED, (byte) (0xA0 | ((c >> 6) & 0x1F)), (byte) (0x80 | (c & 0x3F))
              };
        } else if (Character.isHighSurrogate(c)) {
          bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        } else {
          bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        }
        for (byte b : bytes) {
          out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
      }
    }
    return out.toString();
  }

  /** Paths near the routes: one or two generated segments where an id or a name goes. */
  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment =
        Arbitraries.oneOf(
            encodedText(),
            rawBytes().map(s -> s.replace(" ", "")),
            Arbitraries.of(
                "..",
                ".",
                "%2e%2e",
                ";x",
                "..;",
                "%2F",
                "",
                "me",
                "users",
                UUID.randomUUID().toString(),
                "0",
                "-1",
                "00000000-0000-0000-0000-000000000000",
                "x".repeat(500)));
    Arbitrary<String> template =
        Arbitraries.of(
            "/api/users/%s",
            "/api/me/%s",
            "/%s",
            "/api/%s",
            "/api/%s/%s",
            "/webhooks/%s",
            "/api/users/%s/%s",
            "/%s/api/me",
            "/docs/%s",
            "/webjars/%s");
    return Combinators.combine(template, segment, segment).as((t, a, b) -> String.format(t, a, b));
  }

  /**
   * Header lines: names real clients send and made-up ones, values from hostile text as ISO-8859-1
   * bytes.
   */
  @Provide
  Arbitrary<List<String>> headerLines() {
    Arbitrary<String> name =
        Arbitraries.oneOf(
            Arbitraries.of(
                "Authorization",
                "Content-Type",
                "Accept",
                "Accept-Charset",
                "Accept-Encoding",
                "Origin",
                "Cookie",
                "X-HTTP-Method-Override",
                "WorkOS-Signature",
                "Host",
                "Expect",
                "Range",
                "If-None-Match",
                "X-Forwarded-For",
                "Access-Control-Request-Method",
                "Content-Encoding",
                "Content-Length"),
            Arbitraries.strings()
                .withChars("abcXYZ-_!#$%&'*+.^`|~0123456789")
                .ofMinLength(1)
                .ofMaxLength(12),
            Arbitraries.strings()
                .withCharRange('\u0000', '\u00ff')
                .ofMinLength(1)
                .ofMaxLength(6)
                .filter(s -> s.indexOf('\r') < 0 && s.indexOf('\n') < 0 && s.indexOf(':') < 0));
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withCharRange('\u0000', '\u00ff')
                .ofMaxLength(30)
                .filter(s -> s.indexOf('\r') < 0 && s.indexOf('\n') < 0),
            Arbitraries.strings().withCharRange('\u0020', '\u00ff').ofMaxLength(30),
            hostileText()
                .map(
                    s ->
                        new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .filter(s -> s.indexOf('\r') < 0 && s.indexOf('\n') < 0),
            Arbitraries.of(callers.values().stream().filter(java.util.Objects::nonNull).toList()),
            Arbitraries.of(
                "Bearer ",
                "Bearer a.b.c",
                "bearer x",
                "application/json",
                "*/*",
                "text/html",
                "utf-8, *;q=0",
                "100-continue",
                "bytes=0-1",
                "-1",
                "abc",
                "1 2",
                "0",
                "https://evil.example",
                "t=1, v1=00",
                "gzip",
                "identity",
                "[::1",
                "a b",
                "127.0.0.1:99999",
                ""));
    Arbitrary<String> line =
        Combinators.combine(name, value)
            .as((n, v) -> n + ": " + v)
            .filter(
                l ->
                    !l.regionMatches(true, 0, "Content-Length:", 0, 15)
                        || !l.substring(15).strip().matches("[0-9]*[1-9][0-9]*"));
    return line.list().ofMaxSize(5);
  }
}
