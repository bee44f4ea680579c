package com.datamingle.adapter.web.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local JWKS endpoint on 127.0.0.1 that counts fetches and can fail, stall or lie on demand. */
public final class JwksServer implements AutoCloseable {
  public enum Mode {
    OK,
    ERROR_500,
    HTML,
    SLOW
  }

  private final HttpServer server;
  private final List<TestKeys> keys = new CopyOnWriteArrayList<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile Mode mode = Mode.OK;

  public JwksServer(TestKeys... initial) throws IOException {
    keys.addAll(List.of(initial));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/sso/jwks/client_TEST",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body;
          int status = 200;
          switch (mode) {
            case ERROR_500 -> {
              status = 500;
              body = "oops".getBytes(StandardCharsets.UTF_8);
            }
            case HTML -> body = "<html>not json</html>".getBytes(StandardCharsets.UTF_8);
            case SLOW -> {
              try {
                Thread.sleep(3_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              body = json();
            }
            default -> body = json();
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  private byte[] json() throws IOException {
    return new ObjectMapper()
        .writeValueAsBytes(Map.of("keys", keys.stream().map(TestKeys::jwk).toList()));
  }

  public URL url() {
    try {
      return new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/sso/jwks/client_TEST");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public void add(TestKeys key) {
    keys.add(key);
  }

  public void mode(Mode value) {
    mode = value;
  }

  public int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
