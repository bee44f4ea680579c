package com.datamingle.adapter.persistence.change;

import com.datamingle.migrations.database.DatabaseSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the changes of other processes on a thread of its own ({@link PostgresListener} or {@link
 * SqlitePoller}) and runs the maintenance (forgetting what no longer matters) about once a minute.
 * Reports losing the database once (WARN) and getting it back (INFO); while it is lost, {@link
 * Changes#state()} is DEGRADED and {@code whileDegraded} runs about every 250 ms.
 */
public abstract class ChangeListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  static final Duration MAINTENANCE_EVERY = Duration.ofMinutes(1);
  static final long DEGRADED_STEP_MS = Changes.DEGRADED_TTL.toMillis();

  final Changes changes;
  final Runnable maintenance;
  final Runnable whileDegraded;
  private final Thread thread;
  volatile boolean stopped;
  private long nextMaintenance;

  ChangeListener(Changes changes, Runnable maintenance, Runnable whileDegraded, String name) {
    this.changes = changes;
    this.maintenance = maintenance;
    this.whileDegraded = whileDegraded;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  /**
   * Starts hearing the changes of other processes on this database: {@code maintenance} runs about
   * once a minute, {@code whileDegraded} about every 250 ms while the listener is disconnected.
   */
  public static ChangeListener start(
      Changes changes, DatabaseSettings settings, Runnable maintenance, Runnable whileDegraded) {
    ChangeListener listener =
        settings.dialect().singleWriter()
            ? new SqlitePoller(changes, maintenance, whileDegraded)
            : new PostgresListener(changes, settings, maintenance, whileDegraded);
    listener.thread.start();
    return listener;
  }

  /** The loop of the thread: listen until stopped. */
  abstract void run();

  /** Runs the maintenance when it is due; a failure is logged and retried next time. */
  void maintainWhenDue() {
    long now = System.nanoTime();
    if (now - nextMaintenance < 0) {
      return;
    }
    nextMaintenance = now + MAINTENANCE_EVERY.toNanos();
    try {
      maintenance.run();
    } catch (RuntimeException e) {
      LOG.debug("maintenance of the change listener failed: {}", e.toString());
    }
  }

  /** The listener works (again): drops what may have been missed when it had not. */
  void connected() {
    Changes.State before = changes.state();
    if (before != Changes.State.LIVE) {
      changes.missedSome();
      changes.state(Changes.State.LIVE);
      if (before == Changes.State.DEGRADED) {
        LOG.info(
            "hearing the changes of other processes again; caches were dropped and serve as"
                + " usual");
      }
    }
  }

  /** The listener lost the database: short cache lifetimes until it is back. */
  void lost(Exception cause) {
    if (changes.state() != Changes.State.DEGRADED) {
      changes.state(Changes.State.DEGRADED);
      LOG.warn(
          "lost the connection that hears other processes' changes ({}); until it is back,"
              + " users are cached for at most {} ms and revocations reloaded as often",
          cause.getMessage(),
          Changes.DEGRADED_TTL.toMillis());
    }
  }

  /** Waits {@code millis} while degraded, reloading what must not go stale every 250 ms. */
  void waitDegraded(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (!stopped && end - System.nanoTime() > 0) {
      try {
        whileDegraded.run();
      } catch (RuntimeException e) {
        LOG.debug("reload while degraded failed: {}", e.toString());
      }
      sleep(Math.min(DEGRADED_STEP_MS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
    }
  }

  void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
