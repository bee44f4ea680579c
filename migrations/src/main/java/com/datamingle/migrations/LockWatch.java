package com.datamingle.migrations;

import com.datamingle.migrations.database.ApplyLimits;
import com.datamingle.migrations.database.MigrationTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches, from a connection of its own, the PostgreSQL session that runs a migration, and
 * remembers the sessions it waits for ({@code pg_blocking_pids}), so that a migration that gave up
 * on its {@code lock_timeout} can name them: once it has given up it waits for nothing, and the
 * holder is no longer linked to it. The watching connection runs one short query per poll and no
 * transaction.
 */
final class LockWatch implements AutoCloseable {
  private static final String BLOCKERS =
      "SELECT b.pid, coalesce(b.state, 'unknown'), coalesce(b.application_name, ''),"
          + " coalesce(b.usename::text, ''), coalesce(host(b.client_addr), 'local'),"
          + " coalesce(extract(epoch FROM now() - coalesce(b.xact_start, b.query_start))::bigint,"
          + " 0), left(regexp_replace(coalesce(b.query, ''), '\\s+', ' ', 'g'), 200)"
          + " FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(?)) ORDER BY b.pid";

  /** A session the migration waited for. */
  record Blocker(
      int pid,
      String state,
      String application,
      String user,
      String client,
      long seconds,
      String query) {
    String describe() {
      return "pid "
          + pid
          + " ("
          + state
          + (application.isEmpty() ? "" : ", application " + application)
          + (user.isEmpty() ? "" : ", user " + user)
          + ", client "
          + client
          + ", transaction open for "
          + age(seconds)
          + (state.startsWith("idle") ? "), its last statement: \"" : "), running: \"")
          + query
          + "\"";
    }
  }

  private final MigrationTarget target;
  private final Duration poll;
  private volatile int pid;
  private volatile List<Blocker> blockers = List.of();
  private volatile boolean closed;
  private final Thread thread;

  private LockWatch(MigrationTarget target, ApplyLimits limits) {
    this.target = target;
    long lockMillis = limits.lockTimeout().toMillis();
    this.poll =
        Duration.ofMillis(lockMillis <= 0 ? 250 : Math.max(50, Math.min(250, lockMillis / 5)));
    this.thread = new Thread(this::run, "datamingle-lock-watch");
    thread.setDaemon(true);
  }

  /** A watch over the next session {@link #watch} names; started at once. */
  static LockWatch start(MigrationTarget target, ApplyLimits limits) {
    LockWatch watch = new LockWatch(target, limits);
    watch.thread.start();
    return watch;
  }

  /** Watches the session with backend process id {@code backendPid}. */
  void watch(int backendPid) {
    this.pid = backendPid;
  }

  /** The sessions the migration last waited for; empty when none was seen. */
  List<Blocker> blockers() {
    return blockers;
  }

  private void run() {
    Connection connection = null;
    try {
      while (!closed) {
        Thread.sleep(poll.toMillis());
        if (closed || pid == 0) {
          continue;
        }
        if (connection == null) {
          connection = target.open();
        }
        List<Blocker> seen = query(connection, pid);
        if (!seen.isEmpty()) {
          blockers = seen;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      // watching is best effort: the migration's own error still says what happened
    } finally {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // nothing more to do
        }
      }
    }
  }

  private static List<Blocker> query(Connection connection, int pid) throws SQLException {
    List<Blocker> seen = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(BLOCKERS)) {
      ps.setInt(1, pid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seen.add(
              new Blocker(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getString(7)));
        }
      }
    }
    return seen;
  }

  static String age(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
