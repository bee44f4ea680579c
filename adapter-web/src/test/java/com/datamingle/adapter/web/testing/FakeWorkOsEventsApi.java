package com.datamingle.adapter.web.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * WorkOS's {@code GET /events} on 127.0.0.1, as the reference describes it: events oldest first
 * with {@code order=asc}, {@code after} an event id, {@code limit} 1-100, a {@code data} list and
 * {@code list_metadata}; the API key is required. Records the query of every request.
 */
public final class FakeWorkOsEventsApi implements AutoCloseable {
  public static final String API_KEY = "sk_test_events_0123456789";
  private final HttpServer server;
  private final List<String[]> events = new CopyOnWriteArrayList<>(); // {id, type, json}
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private volatile int failNext;

  public FakeWorkOsEventsApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/events", this::handle);
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds an event (a whole event object as JSON) at the end of the stream. */
  public FakeWorkOsEventsApi add(String id, String type, String eventJson) {
    events.add(new String[] {id, type, eventJson});
    return this;
  }

  /** The next {@code times} requests answer 503. */
  public void failNext(int times) {
    failNext = times;
  }

  public List<Map<String, String>> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    requests.add(query);
    if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"message\":\"Unauthorized\"}");
      return;
    }
    if (failNext > 0) {
      failNext--;
      send(exchange, 503, "{\"message\":\"try later\"}");
      return;
    }
    List<String> types = List.of(query.getOrDefault("events", "").split(","));
    int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
    if (limit < 1 || limit > 100 || !"asc".equals(query.get("order"))) {
      send(exchange, 422, "{\"message\":\"bad limit or order\"}");
      return;
    }
    int start = 0;
    String after = query.get("after");
    if (after != null) {
      start = -1;
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i)[0].equals(after)) {
          start = i + 1;
        }
      }
      if (start < 0) {
        send(exchange, 422, "{\"message\":\"unknown cursor\"}");
        return;
      }
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
            + (last == null ? "null" : "\"" + last + "\"")
            + ",\"before\":null}}");
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
