package com.datamingle.adapter.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for WorkOS's user API: GET /user_management/users/{id} with the right API key.
 */
final class FakeWorkOsApi implements AutoCloseable {
  static final String API_KEY = "sk_test_0123456789abcdefSECRET";
  private final HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;

  FakeWorkOsApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/user_management/users/",
        exchange -> {
          calls.incrementAndGet();
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          String id =
              exchange.getRequestURI().getPath().substring("/user_management/users/".length());
          boolean authorized =
              ("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
          int status = !authorized ? 401 : id.startsWith("user_01") ? 200 : 404;
          byte[] body =
              (status == 200
                      ? "{\"object\":\"user\",\"id\":\""
                          + id
                          + "\",\"email\":\""
                          + id.toLowerCase()
                          + "@example.com\",\"email_verified\":true,"
                          + "\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"profile_picture_url\":null,\"locale\":\"en\","
                          + "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\"2026-01-01T00:00:00.000Z\"}"
                      : "{\"message\":\"no\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int calls() {
    return calls.get();
  }

  void delay(Duration value) {
    delay = value;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
