package com.datamingle.migrations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.hook.HookContext;
import org.apache.ibatis.migration.hook.MigrationHook;

/** Tracks the migration being run, for progress lines and for naming the script that failed. */
final class MigrationProgress implements MigrationHook {
  private final Map<String, MigrationEntry> entries = new HashMap<>();
  private final MigrationListener listener;
  private final boolean undo;
  private final List<MigrationEntry> done = new ArrayList<>();
  private MigrationEntry current;
  private Instant started;

  MigrationProgress(MigrationStatus status, MigrationListener listener, boolean undo) {
    status.entries().forEach(e -> entries.put(e.id(), e));
    this.listener = listener == null ? MigrationListener.SILENT : listener;
    this.undo = undo;
  }

  /** The migrations that completed, in the order they ran. */
  List<MigrationEntry> done() {
    return done;
  }

  /** The migration running now; null between migrations. */
  MigrationEntry current() {
    return current;
  }

  boolean undo() {
    return undo;
  }

  /** Tells the listener something about {@code migration} while it runs (a retry, a clean-up). */
  void notice(MigrationEntry migration, String message) {
    listener.notice(migration, undo, message);
  }

  @Override
  public void before(Map<String, Object> bindings) {}

  @Override
  public void beforeEach(Map<String, Object> bindings) {
    Change change = ((HookContext) bindings.get(MigrationHook.HOOK_CONTEXT)).getChange();
    current =
        entries.getOrDefault(
            change.getId().toPlainString(),
            new MigrationEntry(
                change.getId().toPlainString(),
                change.getDescription(),
                change.getFilename(),
                null,
                MigrationEntry.State.PENDING,
                null,
                null));
    started = Instant.now();
    listener.starting(current, undo);
  }

  @Override
  public void afterEach(Map<String, Object> bindings) {
    done.add(current);
    listener.finished(current, undo, Duration.between(started, Instant.now()));
    current = null;
  }

  @Override
  public void after(Map<String, Object> bindings) {}
}
