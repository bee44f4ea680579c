package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.web.WebDependencies;
import com.datamingle.adapter.web.WebModule;
import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.ops.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the web adapter's classes on the second core while {@code serve} checks the schema and
 * opens the pool: Javalin's, Jetty's, Jackson's and Micrometer's classes (thousands, and their
 * static set-up) are loaded by building an unstarted server that is never started and binding the
 * JVM meters to a registry that is closed at once. It opens no port, reads and writes nothing and
 * is garbage afterwards; the server that serves is built later, as before, from the real parts.
 */
final class WebPreload {
  private static final Logger LOG = LoggerFactory.getLogger(WebPreload.class);

  private WebPreload() {}

  /** Starts the loading on a daemon thread; a failure only costs the time it would have saved. */
  static void start() {
    Thread thread =
        new Thread(
            () -> {
              try (Metrics metrics = new Metrics().jvmAndProcess()) {
                WebModule.create(
                    new WebDependencies(
                        null, null, null, null, null, null, null, null, null, metrics),
                    WebSettings.defaults());
              } catch (RuntimeException | LinkageError e) {
                LOG.debug("preloading the web adapter's classes failed: {}", e.toString());
              }
            },
            "datamingle-web-preload");
    thread.setDaemon(true);
    thread.start();
  }
}
