package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebServer;
import com.datamingle.adapter.web.ops.Metrics;

/**
 * The running service: owns the HTTP server, the connection pool and the metrics, and stops them in
 * that order.
 */
public record ServiceRuntime(PersistenceModule persistence, WebServer server, Metrics metrics)
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
      try {
        persistence.close();
      } finally {
        metrics.close();
      }
    }
  }
}
