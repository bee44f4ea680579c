package com.datamingle.adapter.persistence.change;

import com.datamingle.migrations.database.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL: {@code LISTEN} on a dedicated connection of its own (never from the pool, always
 * auto-commit, so notifications arrive between its transactions), read with {@code
 * getNotifications(timeout)}. A lost connection is reopened with a backoff from 250 ms to 4 s;
 * notifications sent meanwhile are never delivered, so each (re)connect drops every cache.
 */
final class PostgresListener extends ChangeListener {
  private static final int POLL_MS = 500;
  private static final long MAX_BACKOFF_MS = 4_000;
  private static final long CHECK_EVERY_NS = 5_000_000_000L;
  private final DatabaseSettings settings;
  private volatile Connection connection;

  PostgresListener(
      Changes changes, DatabaseSettings settings, Runnable maintenance, Runnable whileDegraded) {
    super(changes, maintenance, whileDegraded, "datamingle-change-listener");
    this.settings = settings;
  }

  @Override
  void run() {
    long backoff = DEGRADED_STEP_MS;
    while (!stopped) {
      try (Connection c = connect()) {
        connection = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN \"" + changes.channel() + "\"");
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        connected();
        backoff = DEGRADED_STEP_MS;
        long nextCheck = System.nanoTime() + CHECK_EVERY_NS;
        while (!stopped) {
          PGNotification[] notifications = pg.getNotifications(POLL_MS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              changes.receive(n.getParameter());
            }
          }
          maintainWhenDue();
          if (System.nanoTime() - nextCheck > 0) {
            // a connection cut without a reset would otherwise stay silent, not fail
            if (!c.isValid(2)) {
              throw new SQLException("the listener's connection stopped answering");
            }
            nextCheck = System.nanoTime() + CHECK_EVERY_NS;
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (stopped) {
          return;
        }
        lost(e);
        waitDegraded(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      } finally {
        connection = null;
      }
    }
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    props.putAll(settings.dialect().poolProperties());
    // named after the channel: an operator (or a test) finds each schema's listeners
    props.setProperty("ApplicationName", listenerName(changes.channel()));
    Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.withCredentials(props));
    c.setAutoCommit(true);
    return c;
  }

  /** {@code datamingle-listener-<hash>}, the connection's application_name. */
  static String listenerName(String channel) {
    return channel.replace("datamingle_changes_", "datamingle-listener-");
  }

  @Override
  public void close() {
    stopped = true;
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    super.close();
  }
}
