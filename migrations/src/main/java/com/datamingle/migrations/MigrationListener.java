package com.datamingle.migrations;

import java.time.Duration;

/** Hears about each migration as it is applied or undone; the CLI prints progress with it. */
public interface MigrationListener {
  MigrationListener SILENT = new MigrationListener() {};

  default void starting(MigrationEntry migration, boolean undo) {}

  default void finished(MigrationEntry migration, boolean undo, Duration took) {}

  /**
   * Something worth telling while {@code migration} runs: it gave up waiting for a lock and will be
   * tried again, or an earlier failed run's invalid index was dropped.
   */
  default void notice(MigrationEntry migration, boolean undo, String message) {}

  /**
   * Another process holds the migration lock (another instance migrating the same database): this
   * one waits up to {@code timeout} for it, then plans again.
   */
  default void waitingForLock(Duration timeout) {}
}
