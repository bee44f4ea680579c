package com.datamingle.adapter.web;

import io.javalin.Javalin;

/** The HTTP server: start on a host and port, stop gracefully (in-flight requests finish). */
public final class WebServer implements AutoCloseable {
  private final Javalin app;

  WebServer(Javalin app) {
    this.app = app;
  }

  /**
   * @throws CannotListen when the address cannot be bound (port in use, no permission, unknown
   *     host)
   */
  public WebServer start(String host, int port) {
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.net.BindException
            || t instanceof java.net.UnknownHostException
            || t instanceof java.net.SocketException) {
          throw new CannotListen(
              "cannot listen on "
                  + host
                  + ":"
                  + port
                  + " ("
                  + t.getMessage()
                  + "); choose another port with --port or PORT, or another address with"
                  + " --bind-address");
        }
      }
      throw e;
    }
    return this;
  }

  /** The server could not bind its address. */
  public static final class CannotListen extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CannotListen(String message) {
      super(message);
    }
  }

  /** The port it listens on (useful after starting on port 0). */
  public int port() {
    return app.port();
  }

  /** Whether it takes requests: started and not stopping. */
  public boolean isRunning() {
    return app.jettyServer().server().isRunning();
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
