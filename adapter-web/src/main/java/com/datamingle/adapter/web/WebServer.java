package com.datamingle.adapter.web;

import io.javalin.Javalin;
import java.time.Duration;

/** The HTTP server: start on a host and port, stop gracefully (in-flight requests finish). */
public final class WebServer implements AutoCloseable {
  private final Javalin app;
  private final Duration stopTimeout;

  WebServer(Javalin app, Duration stopTimeout) {
    this.app = app;
    this.stopTimeout = stopTimeout;
  }

  public WebServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  /** The port it listens on (useful after starting on port 0). */
  public int port() {
    return app.port();
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  /** The Javalin app, for tests with JavalinTest. */
  public Javalin javalin() {
    return app;
  }

  @Override
  public void close() {
    app.stop();
  }
}
