package com.datamingle.migrations;

import com.datamingle.migrations.database.ApplyLimits;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lock.SchemaLock;
import com.datamingle.migrations.schema.Catalog;
import com.datamingle.migrations.schema.DatabaseOrigin;
import com.datamingle.migrations.scripts.ScriptFiles;
import com.datamingle.migrations.scripts.ScriptLoader;
import com.datamingle.migrations.scripts.ScriptSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The schema of one database, moved up and down through MyBatis Migrations. Every change holds the
 * {@link SchemaLock}, asks {@link MigrationPlanner} what to run under it (the planner refuses
 * rather than guesses), and has {@link MigrationRunner} run it; {@link ChangelogEditor} writes what
 * MyBatis does not (checksums, stamps).
 */
public final class DatabaseMigrator {
  private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

  private final MigrationTarget target;
  private final ScriptSource scripts;
  private final ScriptLoader loader;
  private final MigrationRunner runner;
  private final ChangelogEditor changelog;
  private final Duration lockTimeout;

  private DatabaseMigrator(
      MigrationTarget target, ScriptSource scripts, Duration lockTimeout, ApplyLimits limits) {
    this.target = target;
    this.scripts = scripts;
    this.loader = new ScriptLoader(scripts, target.dialect());
    this.runner = new MigrationRunner(target, loader, limits);
    this.changelog = new ChangelogEditor(target);
    this.lockTimeout = lockTimeout;
  }

  public static DatabaseMigrator create(MigrationTarget target, ScriptSource scripts) {
    return new DatabaseMigrator(target, scripts, DEFAULT_LOCK_TIMEOUT, ApplyLimits.DEFAULT);
  }

  /** The same, waiting up to {@code timeout} for the migration lock (held by another run). */
  public DatabaseMigrator withLockTimeout(Duration timeout) {
    return new DatabaseMigrator(target, scripts, timeout, runner.limits());
  }

  /** The same, each script run with {@code limits} (lock_timeout and retries on PostgreSQL). */
  public DatabaseMigrator withApplyLimits(ApplyLimits limits) {
    return new DatabaseMigrator(target, scripts, lockTimeout, limits);
  }

  public MigrationTarget target() {
    return target;
  }

  /** Reads the scripts and the changelog; changes nothing and takes no lock. */
  public MigrationStatus status() {
    return MigrationStatus.read(target, loader, true);
  }

  /**
   * As {@link #status}, from the scripts' names alone: every state is the same (a state never
   * depends on a script's text), but no checksum is read, so {@link
   * MigrationEntry#checksumMismatch} is always false. Enough for {@link MigrationStatus#atHead},
   * not for {@link #validate}.
   */
  public MigrationStatus versions() {
    return MigrationStatus.read(target, loader, false);
  }

  /**
   * Checks that every applied migration still has its script, unchanged since it was applied, and
   * that no older script was skipped. Returns one line per problem, empty when all is well.
   */
  public List<String> validate() {
    return MigrationPlanner.problems(status(), true);
  }

  /**
   * Accepts the current scripts of edited applied migrations: stores their checksums. Returns what
   * changed.
   */
  public List<MigrationEntry> repair() {
    try (SchemaLock.Held ignored = lock()) {
      List<MigrationEntry> edited =
          status().entries().stream().filter(MigrationEntry::checksumMismatch).toList();
      changelog.recordChecksums(edited);
      return edited;
    }
  }

  /** Runs {@code run}, then records the checksums of what it applied, even when it failed. */
  private MigrationReport recorded(Supplier<List<MigrationEntry>> run) {
    List<MigrationEntry> ran;
    try {
      ran = run.get();
    } finally {
      changelog.recordMissingChecksums(status());
    }
    return new MigrationReport(ran, status());
  }

  /** Applies pending migrations in id order, up to {@code version} or to the newest script. */
  public MigrationReport upgrade(String version, MigrationListener listener) {
    return upgradeThen(version, listener, report -> report);
  }

  /**
   * Upgrades as {@link #upgrade} does, then runs {@code then} while still holding the migration
   * lock, so that no other migration changes the schema under it (an import fills tables at head).
   */
  public <T> T upgradeThen(
      String version, MigrationListener listener, Function<MigrationReport, T> then) {
    // before the lock too: a foreign database's folder gets no lock file
    DatabaseOrigin.refuseForeign("upgrade", target);
    MigrationListener hear = listener == null ? MigrationListener.SILENT : listener;
    try (SchemaLock.Held ignored =
        SchemaLock.forTarget(target).acquire(lockTimeout, () -> hear.waitingForLock(lockTimeout))) {
      DatabaseOrigin.refuseForeign("upgrade", target);
      MigrationStatus before = status();
      List<MigrationEntry> pending = MigrationPlanner.upgrade(before, version);
      return then.apply(
          recorded(() -> pending.isEmpty() ? List.of() : runner.up(pending, before, listener)));
    }
  }

  /** Undoes the newest {@code steps} applied migrations, newest first. */
  public MigrationReport downgradeSteps(int steps, MigrationListener listener) {
    try (SchemaLock.Held ignored = lock()) {
      MigrationStatus before = status();
      return downgrade(before, plannedDowngradeSteps(before, steps), listener);
    }
  }

  /** Undoes every migration newer than {@code version}; {@code "base"} undoes them all. */
  public MigrationReport downgradeTo(String version, MigrationListener listener) {
    try (SchemaLock.Held ignored = lock()) {
      MigrationStatus before = status();
      return downgrade(before, plannedDowngradeTo(before, version), listener);
    }
  }

  private MigrationReport downgrade(
      MigrationStatus before, List<MigrationEntry> undo, MigrationListener listener) {
    if (undo.isEmpty()) {
      return new MigrationReport(List.of(), before);
    }
    requireUndoable(before, undo);
    return new MigrationReport(runner.down(undo, before, listener), status());
  }

  /** The SQL an upgrade to {@code version} (null: head) would run; runs nothing. */
  public String upgradeSql(String version) {
    DatabaseOrigin.refuseForeign("upgrade", target);
    return SqlPreview.upgrade(loader, MigrationPlanner.upgrade(status(), version));
  }

  /** The SQL a downgrade of {@code steps} would run; runs nothing. */
  public String downgradeStepsSql(int steps) {
    MigrationStatus status = status();
    return downgradeSql(status, plannedDowngradeSteps(status, steps));
  }

  /** The SQL a downgrade to {@code version} (or base) would run; runs nothing. */
  public String downgradeToSql(String version) {
    MigrationStatus status = status();
    return downgradeSql(status, plannedDowngradeTo(status, version));
  }

  private String downgradeSql(MigrationStatus status, List<MigrationEntry> undo) {
    requireUndoable(status, undo);
    return SqlPreview.downgrade(loader, undo, status.entries().get(0).id());
  }

  /** What a downgrade would undo: how many steps and whether that many are applied. */
  public List<MigrationEntry> plannedDowngradeSteps(MigrationStatus before, int steps) {
    return MigrationPlanner.downgradeSteps(before, steps, target.describe());
  }

  /** What a downgrade to {@code version} (or base) would undo. */
  public List<MigrationEntry> plannedDowngradeTo(MigrationStatus before, String version) {
    return MigrationPlanner.downgradeTo(before, version);
  }

  private void requireUndoable(MigrationStatus before, List<MigrationEntry> undo) {
    Set<String> withoutUndo =
        undo.stream()
            .filter(e -> e.fileName() != null && !loader.hasUndo(e.fileName()))
            .map(MigrationEntry::id)
            .collect(Collectors.toSet());
    MigrationPlanner.requireUndoable(before, undo, withoutUndo);
  }

  /**
   * Marks migrations as applied without running them, up to {@code version} ({@code head} for all),
   * or, for a version older than the database's, unmarks the newer ones. For adopting a database
   * whose schema was made some other way. The changelog itself is created by running the first
   * migration when it is missing.
   */
  public Stamped stamp(String version) {
    try (SchemaLock.Held ignored = lock()) {
      MigrationStatus before = status();
      MigrationPlanner.refuseMissingScripts(before, "stamp");
      BigDecimal wanted = new BigDecimal(MigrationPlanner.stampTarget(before, version));
      List<MigrationEntry> ran = List.of();
      if (!changelog.exists()) {
        ran = runner.up(before.entries().subList(0, 1), before, null);
      }
      ChangelogEditor.Marks marks = changelog.stamp(status(), wanted);
      changelog.recordMissingChecksums(status());
      return new Stamped(ran, marks.marked(), marks.unmarked());
    }
  }

  /** The migration id a stamp to {@code version} ({@code head} or an id) means; refuses base. */
  public String stampTarget(String version) {
    return MigrationPlanner.stampTarget(status(), version);
  }

  /** Scripts older than the newest applied migration that were never applied: work to merge. */
  public List<MigrationEntry> outOfOrder() {
    return status().withState(MigrationEntry.State.OUT_OF_ORDER);
  }

  /** Applies the out-of-order scripts in id order (and nothing newer). */
  public MigrationReport applyOutOfOrder(MigrationListener listener) {
    DatabaseOrigin.refuseForeign("merge migrations into", target);
    try (SchemaLock.Held ignored = lock()) {
      DatabaseOrigin.refuseForeign("merge migrations into", target);
      MigrationStatus before = status();
      MigrationPlanner.mergeable(before);
      List<MigrationEntry> outOfOrder = before.withState(MigrationEntry.State.OUT_OF_ORDER);
      if (outOfOrder.isEmpty()) {
        return new MigrationReport(List.of(), before);
      }
      return recorded(() -> runner.pendingAmong(outOfOrder, before, listener));
    }
  }

  /**
   * Gives the out-of-order scripts new ids after the newest script, keeping their order, in every
   * dialect's folder; the next upgrade then applies them. Only for scripts read from a folder.
   *
   * @return old file name → new file name
   */
  public Map<String, String> renumberOutOfOrder(Clock clock) {
    try (SchemaLock.Held ignored = lock()) {
      List<MigrationEntry> outOfOrder = status().withState(MigrationEntry.State.OUT_OF_ORDER);
      if (outOfOrder.isEmpty()) {
        return Map.of();
      }
      return ScriptFiles.renumber(
          scripts, outOfOrder.stream().map(MigrationEntry::fileName).toList(), clock);
    }
  }

  /** What made the database: nothing yet, DataMingle, or something else. Only reads. */
  public DatabaseOrigin origin() {
    return DatabaseOrigin.of(target);
  }

  /** True when the database holds no table at all (what init-db requires). */
  public boolean isEmpty() {
    return Catalog.isEmpty(target);
  }

  /** Drops every table, view, trigger and sequence (of the current schema on PostgreSQL). */
  public void dropEverything() {
    try (SchemaLock.Held ignored = lock()) {
      Catalog.dropEverything(target);
    }
  }

  /** The schema as text lines (tables, columns, indexes), without the changelog; for comparing. */
  public List<String> schema() {
    return Catalog.describe(target);
  }

  private SchemaLock.Held lock() {
    return SchemaLock.forTarget(target).acquire(lockTimeout);
  }
}
