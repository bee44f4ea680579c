package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebServer;

/**
 * The running service: owns the HTTP server and the connection pool, and stops them in that order.
 */
public record ServiceRuntime(PersistenceModule persistence, WebServer server)
    implements AutoCloseable {

  /** The port the server listens on (the one chosen when PORT is 0). */
  public int port() {
    return server.port();
  }

  /**
   * Stops taking requests, lets in-flight ones finish (up to the stop timeout), then closes the
   * pool.
   */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      persistence.close();
    }
  }
}
