package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebServer;

/**
 * The running service: owns the HTTP server and the connection pool, and stops them in that order.
 */
public final class ServiceRuntime implements AutoCloseable {
  private final PersistenceModule persistence;
  private final WebServer server;

  ServiceRuntime(PersistenceModule persistence, WebServer server) {
    this.persistence = persistence;
    this.server = server;
  }

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
