package com.datamingle.migrations;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.ConnectionProvider;
import org.apache.ibatis.migration.hook.HookContext;
import org.apache.ibatis.migration.hook.MigrationHook;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.PendingOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * The schema of one database, moved up and down through MyBatis Migrations. Every change holds the
 * {@link SchemaLock}, decides what to run under it, and refuses rather than guesses: an unknown
 * target, skipped parallel work, an applied migration whose script is gone, or an undo that is
 * empty all stop the command before anything is changed.
 */
public final class DatabaseMigrator {
  private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

  private final MigrationTarget target;
  private final ScriptSource scripts;
  private final ScriptLoader loader;
  private final Duration lockTimeout;

  private DatabaseMigrator(MigrationTarget target, ScriptSource scripts, Duration lockTimeout) {
    this.target = target;
    this.scripts = scripts;
    this.loader = new ScriptLoader(scripts, target.dialect());
    this.lockTimeout = lockTimeout;
  }

  public static DatabaseMigrator create(MigrationTarget target, ScriptSource scripts) {
    return new DatabaseMigrator(target, scripts, DEFAULT_LOCK_TIMEOUT);
  }

  public DatabaseMigrator withLockTimeout(Duration timeout) {
    return new DatabaseMigrator(target, scripts, timeout);
  }

  public MigrationTarget target() {
    return target;
  }

  /** Reads the scripts and the changelog; changes nothing and takes no lock. */
  public MigrationStatus status() {
    List<Change> scriptChanges = loader.getMigrations();
    Map<BigDecimal, String> checksums = new HashMap<>();
    for (Change c : scriptChanges) {
      checksums.put(c.getId().stripTrailingZeros(), scriptChecksum(c.getFilename()));
    }
    return merge(scriptChanges, readChangelog(), checksums);
  }

  private String scriptChecksum(String fileName) {
    try (var in =
        scripts
            .open(target.dialect(), fileName)
            .orElseThrow(
                () ->
                    new MigrationFailure(
                        "migration script " + fileName + " vanished while being read"))) {
      return Checksum.of(in.readAllBytes());
    } catch (IOException e) {
      throw new MigrationFailure(
          "cannot read migration script " + fileName + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that every applied migration still has its script, unchanged since it was applied, and
   * that no older script was skipped. Returns one line per problem, empty when all is well.
   */
  public List<String> validate() {
    return problems(status(), true);
  }

  private static List<String> problems(MigrationStatus status, boolean outOfOrderIsAProblem) {
    List<String> problems = new ArrayList<>();
    for (MigrationEntry e : status.entries()) {
      if (e.checksumMismatch()) {
        problems.add(
            "migration "
                + e.fileName()
                + " was edited after it was applied: checksum applied to database "
                + e.recordedChecksum()
                + ", script now "
                + e.scriptChecksum()
                + "; revert the edit and write a new migration instead, or run `datamingle db"
                + " repair` to accept the file as it is");
      } else if (e.state() == MigrationEntry.State.MISSING_SCRIPT) {
        problems.add(
            "migration "
                + e.id()
                + " is applied but has no script here; use the datamingle build (or --migrations"
                + " folder) that applied it");
      } else if (outOfOrderIsAProblem && e.state() == MigrationEntry.State.OUT_OF_ORDER) {
        problems.add(
            "migration "
                + e.fileName()
                + " is older than the database's version but was never applied; run `datamingle db"
                + " merge`");
      }
    }
    return problems;
  }

  private static void requireValid(MigrationStatus status, String action) {
    List<String> problems = problems(status, false);
    if (!problems.isEmpty()) {
      throw new MigrationFailure(
          "refusing to " + action + ": " + String.join(System.lineSeparator() + "  ", problems));
    }
  }

  /**
   * Accepts the current scripts of edited applied migrations: stores their checksums. Returns what
   * changed.
   */
  public List<MigrationEntry> repair() {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      List<MigrationEntry> edited =
          status().entries().stream().filter(MigrationEntry::checksumMismatch).toList();
      try (Connection connection = target.open()) {
        for (MigrationEntry e : edited) {
          Changelog.recordChecksum(connection, new BigDecimal(e.id()), e.scriptChecksum());
        }
      } catch (SQLException e) {
        throw unreachable(target, e);
      }
      return edited;
    }
  }

  /**
   * Records the checksum of every applied migration that has none yet (just applied, or applied by
   * an older tool).
   */
  private void recordChecksums() {
    MigrationStatus status = status();
    try (Connection connection = target.open()) {
      if (!Changelog.exists(connection)) {
        return;
      }
      for (MigrationEntry e : status.entries()) {
        if (e.state() == MigrationEntry.State.APPLIED && e.recordedChecksum() == null) {
          Changelog.recordChecksum(connection, new BigDecimal(e.id()), e.scriptChecksum());
        }
      }
    } catch (SQLException e) {
      throw unreachable(target, e);
    }
  }

  /**
   * Applies pending migrations in id order, up to {@code version} or to the newest script when it
   * is null.
   */
  public MigrationReport upgrade(String version, MigrationListener listener) {
    return upgradeThen(version, listener, report -> report);
  }

  /**
   * Upgrades as {@link #upgrade} does, then runs {@code then} while still holding the migration
   * lock, so no other migration changes the schema under it (an import fills the tables at head).
   */
  public <T> T upgradeThen(
      String version,
      MigrationListener listener,
      java.util.function.Function<MigrationReport, T> then) {
    refuseForeign("upgrade"); // before the lock too: a foreign database's folder gets no lock file
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      refuseForeign("upgrade");
      MigrationStatus before = status();
      List<MigrationEntry> pending = plannedUpgrade(before, version);
      if (pending.isEmpty()) {
        recordChecksums();
        return then.apply(new MigrationReport(List.of(), before));
      }
      int steps = pending.size();
      Progress progress = new Progress(before, listener, false);
      try {
        run(
            progress,
            () -> new UpOperation(steps).operate(connections(), loader, options(), null, progress));
      } finally {
        recordChecksums();
      }
      return then.apply(new MigrationReport(progress.done, status()));
    }
  }

  /**
   * What an upgrade to {@code version} (null: head) would apply, after refusing what it must not
   * do.
   */
  private List<MigrationEntry> plannedUpgrade(MigrationStatus before, String version) {
    refuseMissingScripts(before, "upgrade");
    requireValid(before, "upgrade");
    List<MigrationEntry> skipped = before.withState(MigrationEntry.State.OUT_OF_ORDER);
    if (!skipped.isEmpty()) {
      throw new MigrationFailure(
          "refusing to upgrade: "
              + skipped.size()
              + " migration(s) older than the database's version "
              + before.current().map(MigrationEntry::id).orElse("")
              + " were never applied ("
              + files(skipped)
              + "), and an upgrade would skip them for good; run `datamingle db merge` to see them,"
              + " then `db merge --apply` to run them in order or `db merge --renumber` to move"
              + " them after head");
    }
    List<MigrationEntry> pending = before.withState(MigrationEntry.State.PENDING);
    if (version != null) {
      BigDecimal wanted = knownVersion(before, version);
      Optional<MigrationEntry> current = before.current();
      if (current.isPresent() && new BigDecimal(current.get().id()).compareTo(wanted) > 0) {
        throw new MigrationFailure(
            "the database is at "
                + current.get().id()
                + ", newer than "
                + version
                + "; to go back, run `datamingle db downgrade "
                + version
                + "`");
      }
      pending =
          pending.stream().filter(e -> new BigDecimal(e.id()).compareTo(wanted) <= 0).toList();
    }
    return pending;
  }

  /** Undoes the newest {@code steps} applied migrations, newest first. */
  public MigrationReport downgradeSteps(int steps, MigrationListener listener) {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      MigrationStatus before = status();
      return downgrade(before, plannedDowngradeSteps(before, steps), listener);
    }
  }

  /** Undoes every migration newer than {@code version}; {@code "base"} undoes them all. */
  public MigrationReport downgradeTo(String version, MigrationListener listener) {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      MigrationStatus before = status();
      return downgrade(before, plannedDowngradeTo(before, version), listener);
    }
  }

  /**
   * The SQL an upgrade to {@code version} (null: head) would run, changelog rows included; runs
   * nothing.
   */
  public String upgradeSql(String version) {
    refuseForeign("upgrade");
    MigrationStatus status = status();
    return SqlPreview.upgrade(loader, plannedUpgrade(status, version));
  }

  /** The SQL a downgrade of {@code steps} would run; runs nothing. */
  public String downgradeStepsSql(int steps) {
    MigrationStatus status = status();
    List<MigrationEntry> undo = plannedDowngradeSteps(status, steps);
    checkUndoable(status, undo);
    return SqlPreview.downgrade(loader, undo, status.entries().get(0).id());
  }

  /** The SQL a downgrade to {@code version} (or base) would run; runs nothing. */
  public String downgradeToSql(String version) {
    MigrationStatus status = status();
    List<MigrationEntry> undo = plannedDowngradeTo(status, version);
    checkUndoable(status, undo);
    return SqlPreview.downgrade(loader, undo, status.entries().get(0).id());
  }

  /** What a downgrade would undo: how many steps and whether that many are applied. */
  public List<MigrationEntry> plannedDowngradeSteps(MigrationStatus before, int steps) {
    if (steps < 1) {
      throw new MigrationFailure(
          "a downgrade undoes at least one migration; give a positive number of steps");
    }
    List<MigrationEntry> applied = before.applied();
    if (applied.isEmpty()) {
      throw new MigrationFailure(
          "nothing to downgrade: no migration is applied to " + target.describe());
    }
    if (steps > applied.size()) {
      throw new MigrationFailure(
          "cannot undo "
              + steps
              + " migrations: only "
              + applied.size()
              + " are applied; use `datamingle db downgrade base` to undo them all");
    }
    return applied.subList(applied.size() - steps, applied.size());
  }

  /** What a downgrade to {@code version} (or base) would undo. */
  public List<MigrationEntry> plannedDowngradeTo(MigrationStatus before, String version) {
    if ("base".equals(version)) {
      return before.applied();
    }
    BigDecimal wanted = knownVersion(before, version);
    MigrationEntry entry =
        before.entries().stream()
            .filter(e -> new BigDecimal(e.id()).compareTo(wanted) == 0)
            .findFirst()
            .orElseThrow();
    if (!entry.applied()) {
      throw new MigrationFailure(
          "migration "
              + version
              + " is not applied, so the database cannot be taken back to it;"
              + " run `datamingle db history` to see what is applied");
    }
    return before.applied().stream()
        .filter(e -> new BigDecimal(e.id()).compareTo(wanted) > 0)
        .toList();
  }

  private void checkUndoable(MigrationStatus before, List<MigrationEntry> undo) {
    refuseMissingScripts(new MigrationStatus(undo), "downgrade");
    requireValid(before, "downgrade");
    for (MigrationEntry entry : undo) {
      if (!hasStatements(entry)) {
        throw new MigrationFailure(
            "migration "
                + entry.fileName()
                + " has no undo section (-- //@UNDO followed by SQL), so it cannot be downgraded;"
                + " nothing was changed. Write a new migration that reverses it instead");
      }
    }
  }

  private MigrationReport downgrade(
      MigrationStatus before, List<MigrationEntry> undo, MigrationListener listener) {
    if (undo.isEmpty()) {
      return new MigrationReport(List.of(), before);
    }
    checkUndoable(before, undo);
    Progress progress = new Progress(before, listener, true);
    run(
        progress,
        () ->
            new DownOperation(undo.size())
                .operate(connections(), loader, options(), null, progress));
    return new MigrationReport(progress.done, status());
  }

  private void run(Progress progress, Runnable operation) {
    try {
      operation.run();
    } catch (MigrationFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(progress, e);
    }
  }

  private MigrationFailure failure(Progress progress, RuntimeException e) {
    SQLException sql = null;
    String statement = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && sql == null) {
        sql = s;
      }
      String message = t.getMessage();
      if (statement == null && message != null && message.startsWith("Error executing: ")) {
        int end = message.indexOf(".  Cause:");
        statement =
            message
                .substring("Error executing: ".length(), end < 0 ? message.length() : end)
                .strip();
      }
      if (t instanceof MigrationFailure f) {
        return f;
      }
    }
    if (progress.current == null) {
      if (sql != null) {
        return unreachable(target, sql);
      }
      return new MigrationFailure(
          "migration failed before any script ran: " + MigrationFailure.oneLine(rootMessage(e)), e);
    }
    StringBuilder text =
        new StringBuilder()
            .append("migration ")
            .append(progress.current.fileName())
            .append(progress.undo ? " (undo)" : "")
            .append(" failed and its changes were rolled back: ")
            .append(MigrationFailure.oneLine(sql != null ? sql.getMessage() : rootMessage(e)));
    if (statement != null) {
      text.append(System.lineSeparator()).append("  statement: ").append(abbreviate(statement));
    }
    text.append(System.lineSeparator())
        .append("  ")
        .append(
            progress.done.isEmpty()
                ? "nothing was applied"
                : progress.done.size() + " migration(s) before it completed")
        .append("; fix the script and run the command again");
    return new MigrationFailure(text.toString(), e);
  }

  private static String abbreviate(String statement) {
    String oneLine = statement.replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private boolean hasStatements(MigrationEntry entry) {
    Change change = new Change(new BigDecimal(entry.id()));
    change.setFilename(entry.fileName());
    try (BufferedReader reader = new BufferedReader(loader.getScriptReader(change, true))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("--") && !t.startsWith("//")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new MigrationFailure("cannot read " + entry.fileName() + ": " + e.getMessage(), e);
    }
  }

  private static void refuseMissingScripts(MigrationStatus status, String what) {
    List<MigrationEntry> missing = status.withState(MigrationEntry.State.MISSING_SCRIPT);
    if (!missing.isEmpty()) {
      throw new MigrationFailure(
          "refusing to "
              + what
              + ": the database records migration(s) "
              + missing.stream().map(MigrationEntry::id).toList()
              + " that have no script here; use the datamingle build (or --migrations folder) that"
              + " applied them");
    }
  }

  private static BigDecimal knownVersion(MigrationStatus status, String version) {
    if (version == null || !version.matches("\\d{1,20}")) {
      throw new MigrationFailure(
          "'"
              + version
              + "' is not a migration id; ids are 14 digits such as 20261124000002"
              + " (run `datamingle db history` to list them)");
    }
    BigDecimal wanted = new BigDecimal(version);
    boolean known =
        status.entries().stream().anyMatch(e -> new BigDecimal(e.id()).compareTo(wanted) == 0);
    if (!known) {
      throw new MigrationFailure(
          "no migration has the id " + version + "; run `datamingle db history` to list them");
    }
    return wanted;
  }

  private static String files(List<MigrationEntry> entries) {
    return String.join(", ", entries.stream().map(MigrationEntry::fileName).toList());
  }

  private List<Changelog.Row> readChangelog() {
    try (Connection connection = target.openForReading()) {
      return Changelog.read(connection);
    } catch (SQLException e) {
      throw unreachable(target, e);
    }
  }

  static MigrationFailure unreachable(MigrationTarget target, SQLException e) {
    return new MigrationFailure(
        "cannot use the database "
            + target.describe()
            + ": "
            + MigrationFailure.oneLine(e.getMessage())
            + "; check DATABASE_URL (or --database-url) and that the database is running",
        e);
  }

  private static MigrationStatus merge(
      List<Change> scripts, List<Changelog.Row> applied, Map<BigDecimal, String> checksums) {
    TreeMap<BigDecimal, MigrationEntry> byId = new TreeMap<>();
    Map<BigDecimal, Changelog.Row> appliedById = new HashMap<>();
    for (Changelog.Row row : applied) {
      appliedById.put(row.id().stripTrailingZeros(), row);
    }
    BigDecimal newestApplied =
        applied.stream().map(Changelog.Row::id).max(BigDecimal::compareTo).orElse(null);
    for (Change script : scripts) {
      BigDecimal id = script.getId().stripTrailingZeros();
      Changelog.Row row = appliedById.remove(id);
      MigrationEntry.State state;
      if (row != null) {
        state = MigrationEntry.State.APPLIED;
      } else if (newestApplied != null && script.getId().compareTo(newestApplied) < 0) {
        state = MigrationEntry.State.OUT_OF_ORDER;
      } else {
        state = MigrationEntry.State.PENDING;
      }
      byId.put(
          id,
          new MigrationEntry(
              script.getId().toPlainString(),
              script.getDescription(),
              script.getFilename(),
              row == null ? null : row.appliedAt(),
              state,
              row == null ? null : row.checksum(),
              checksums.get(id)));
    }
    for (Changelog.Row row : appliedById.values()) {
      byId.put(
          row.id().stripTrailingZeros(),
          new MigrationEntry(
              row.id().toPlainString(),
              row.description(),
              null,
              row.appliedAt(),
              MigrationEntry.State.MISSING_SCRIPT,
              row.checksum(),
              null));
    }
    return new MigrationStatus(new ArrayList<>(byId.values()));
  }

  private ConnectionProvider connections() {
    return target::open;
  }

  static DatabaseOperationOption options() {
    DatabaseOperationOption option = new DatabaseOperationOption();
    option.setChangelogTable(ScriptLoader.CHANGELOG_TABLE);
    option.setSendFullScript(false); // SQLite runs only the first statement of a full script
    option.setThrowWarning(false); // a PostgreSQL NOTICE is not a failure
    option.setAutoCommit(false); // one transaction per script
    option.setStopOnError(true);
    option.setRemoveCRs(true);
    return option;
  }

  /**
   * Marks migrations as applied without running them, up to {@code version} ({@code head} for all),
   * or, for a version older than the database's, unmarks the newer ones. For adopting a database
   * whose schema was made some other way. The changelog itself is created by running the first
   * migration when it is missing.
   */
  public Stamped stamp(String version) {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      MigrationStatus before = status();
      refuseMissingScripts(before, "stamp");
      BigDecimal wanted = new BigDecimal(stampTarget(before, version));
      List<MigrationEntry> ran = new ArrayList<>();
      List<MigrationEntry> marked = new ArrayList<>();
      List<MigrationEntry> unmarked = new ArrayList<>();
      try (Connection connection = target.open()) {
        if (!Changelog.exists(connection)) {
          MigrationEntry first = before.entries().get(0);
          Progress progress = new Progress(before, null, false);
          run(
              progress,
              () -> new UpOperation(1).operate(connections(), loader, options(), null, progress));
          ran.add(first);
        }
        MigrationStatus now = status();
        for (MigrationEntry e : now.entries()) {
          BigDecimal id = new BigDecimal(e.id());
          if (!e.applied() && id.compareTo(wanted) <= 0) {
            Changelog.insert(connection, id, e.description(), e.scriptChecksum());
            marked.add(e);
          } else if (e.applied() && id.compareTo(wanted) > 0) {
            Changelog.delete(connection, id);
            unmarked.add(e);
          }
        }
      } catch (SQLException e) {
        throw unreachable(target, e);
      }
      recordChecksums();
      return new Stamped(ran, marked, unmarked);
    }
  }

  /**
   * What a stamp did: the migration it ran to create the changelog (when there was none), those it
   * marked as applied without running them, and those it unmarked (their tables stay).
   */
  public record Stamped(
      List<MigrationEntry> ran, List<MigrationEntry> marked, List<MigrationEntry> unmarked) {
    public boolean nothing() {
      return ran.isEmpty() && marked.isEmpty() && unmarked.isEmpty();
    }
  }

  /**
   * The migration id a stamp to {@code version} ({@code head} or an id) means; refuses base and
   * unknown ids.
   */
  public String stampTarget(String version) {
    return stampTarget(status(), version);
  }

  private static String stampTarget(MigrationStatus status, String version) {
    if ("base".equals(version)) {
      throw new MigrationFailure(
          "stamping base would forget every migration while their tables stay; use `datamingle db"
              + " downgrade base` to undo them, or `datamingle reset-db` to start over");
    }
    if ("head".equals(version)) {
      return status
          .head()
          .map(MigrationEntry::id)
          .orElseThrow(() -> new MigrationFailure("there are no migration scripts to stamp"));
    }
    BigDecimal wanted = knownVersion(status, version);
    return status.entries().stream()
        .filter(e -> new BigDecimal(e.id()).compareTo(wanted) == 0)
        .findFirst()
        .orElseThrow()
        .id();
  }

  /**
   * Scripts older than the newest applied migration that were never applied: parallel work to
   * merge.
   */
  public List<MigrationEntry> outOfOrder() {
    return status().withState(MigrationEntry.State.OUT_OF_ORDER);
  }

  /** Applies the out-of-order scripts in id order (and nothing newer). */
  public MigrationReport applyOutOfOrder(MigrationListener listener) {
    refuseForeign("merge migrations into");
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      refuseForeign("merge migrations into");
      MigrationStatus before = status();
      refuseMissingScripts(before, "merge");
      requireValid(before, "merge");
      List<MigrationEntry> outOfOrder = before.withState(MigrationEntry.State.OUT_OF_ORDER);
      if (outOfOrder.isEmpty()) {
        return new MigrationReport(List.of(), before);
      }
      java.util.Set<String> runnable = new java.util.HashSet<>();
      before.entries().stream()
          .filter(e -> e.applied() || e.state() == MigrationEntry.State.OUT_OF_ORDER)
          .forEach(e -> runnable.add(e.id()));
      org.apache.ibatis.migration.MigrationLoader only = new FilteredLoader(loader, runnable);
      Progress progress = new Progress(before, listener, false);
      try {
        run(
            progress,
            () -> new PendingOperation().operate(connections(), only, options(), null, progress));
      } finally {
        recordChecksums();
      }
      return new MigrationReport(progress.done, status());
    }
  }

  /**
   * Gives the out-of-order scripts new ids after the newest script, keeping their order, in every
   * dialect's folder; the next upgrade then applies them. Only for scripts read from a folder.
   *
   * @return old file name → new file name
   */
  public Map<String, String> renumberOutOfOrder(java.time.Clock clock) {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      MigrationStatus before = status();
      List<MigrationEntry> outOfOrder = before.withState(MigrationEntry.State.OUT_OF_ORDER);
      if (outOfOrder.isEmpty()) {
        return Map.of();
      }
      return ScriptFiles.renumber(scripts, outOfOrder, before.entries(), clock);
    }
  }

  /**
   * What made the database: nothing yet, DataMingle (it has our changelog), or something else. Only
   * reads.
   */
  public DatabaseOrigin origin() {
    try (Connection connection = target.openForReading()) {
      return DatabaseOrigin.inspect(connection, target.dialect());
    } catch (SQLException e) {
      throw unreachable(target, e);
    }
  }

  /** Stops a command before it writes anything when the database was made by another tool. */
  private void refuseForeign(String action) {
    DatabaseOrigin origin = origin();
    if (origin.foreign()) {
      throw origin.refusal(action, target);
    }
  }

  /** True when the database holds no table at all (what init-db requires). */
  public boolean isEmpty() {
    try (Connection connection = target.openForReading()) {
      return SchemaInspector.tables(connection, target.dialect()).isEmpty();
    } catch (SQLException e) {
      throw unreachable(target, e);
    }
  }

  /**
   * Drops every table, view, trigger and sequence of the database (its current schema on
   * PostgreSQL).
   */
  public void dropEverything() {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout);
        Connection connection = target.open()) {
      SchemaInspector.dropEverything(connection, target.dialect());
    } catch (SQLException e) {
      throw new MigrationFailure(
          "cannot empty the database "
              + target.describe()
              + ": "
              + MigrationFailure.oneLine(e.getMessage()),
          e);
    }
  }

  /** The schema as text lines (tables, columns, indexes), without the changelog; for comparing. */
  public List<String> schema() {
    try (Connection connection = target.openForReading()) {
      return SchemaInspector.describe(connection, target.dialect());
    } catch (SQLException e) {
      throw unreachable(target, e);
    }
  }

  /** Only some scripts of another loader: those the caller lets through. */
  private record FilteredLoader(ScriptLoader loader, java.util.Set<String> ids)
      implements org.apache.ibatis.migration.MigrationLoader {
    @Override
    public List<Change> getMigrations() {
      return new ArrayList<>(
          loader.getMigrations().stream()
              .filter(c -> ids.contains(c.getId().toPlainString()))
              .toList());
    }

    @Override
    public java.io.Reader getScriptReader(Change change, boolean undo) {
      return loader.getScriptReader(change, undo);
    }

    @Override
    public java.io.Reader getBootstrapReader() {
      return null;
    }

    @Override
    public java.io.Reader getOnAbortReader() {
      return null;
    }
  }

  /** Tracks the migration being run, for progress lines and for naming the script that failed. */
  private static final class Progress implements MigrationHook {
    private final Map<String, MigrationEntry> entries = new HashMap<>();
    private final MigrationListener listener;
    private final boolean undo;
    private final List<MigrationEntry> done = new ArrayList<>();
    private MigrationEntry current;
    private Instant started;

    Progress(MigrationStatus status, MigrationListener listener, boolean undo) {
      status.entries().forEach(e -> entries.put(e.id(), e));
      this.listener = listener == null ? MigrationListener.SILENT : listener;
      this.undo = undo;
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
}
