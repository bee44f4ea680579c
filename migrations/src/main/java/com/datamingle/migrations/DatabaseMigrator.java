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
import org.apache.ibatis.migration.operations.ChangelogOperation;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * The schema of one database, moved up and down through MyBatis Migrations. Every change holds
 * the {@link SchemaLock}, decides what to run under it, and refuses rather than guesses: an
 * unknown target, skipped parallel work, an applied migration whose script is gone, or an undo
 * that is empty all stop the command before anything is changed.
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

  /** Where the scripts come from, for messages. */
  public String scriptsDescription() {
    return scripts.describe(target.dialect());
  }

  /** Reads the scripts and the changelog; changes nothing and takes no lock. */
  public MigrationStatus status() {
    List<Change> scriptChanges = loader.getMigrations();
    List<Change> applied = readChangelog();
    return merge(scriptChanges, applied);
  }

  /**
   * Applies pending migrations in id order, up to {@code version} or to the newest script when
   * it is null.
   */
  public MigrationReport upgrade(String version, MigrationListener listener) {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      MigrationStatus before = status();
      refuseMissingScripts(before, "upgrade");
      List<MigrationEntry> skipped = before.withState(MigrationEntry.State.OUT_OF_ORDER);
      if (!skipped.isEmpty()) {
        throw new MigrationFailure("refusing to upgrade: " + skipped.size() + " migration(s) older than the database's version "
            + before.current().map(MigrationEntry::id).orElse("") + " were never applied (" + files(skipped)
            + "), and an upgrade would skip them for good; give them ids after "
            + before.current().map(MigrationEntry::id).orElse("") + " (rename the files) and run the upgrade again");
      }
      List<MigrationEntry> pending = before.withState(MigrationEntry.State.PENDING);
      if (version != null) {
        BigDecimal wanted = knownVersion(before, version);
        Optional<MigrationEntry> current = before.current();
        if (current.isPresent() && new BigDecimal(current.get().id()).compareTo(wanted) > 0) {
          throw new MigrationFailure("the database is at " + current.get().id() + ", newer than " + version
              + "; to go back, run `datamingle db downgrade " + version + "`");
        }
        pending = pending.stream().filter(e -> new BigDecimal(e.id()).compareTo(wanted) <= 0).toList();
      }
      if (pending.isEmpty()) {
        return new MigrationReport(List.of(), before);
      }
      int steps = pending.size();
      Progress progress = new Progress(before, listener, false);
      run(progress, () -> new UpOperation(steps)
          .operate(connections(), loader, options(), null, progress));
      return new MigrationReport(progress.done, status());
    }
  }

  /** Undoes the newest {@code steps} applied migrations, newest first. */
  public MigrationReport downgradeSteps(int steps, MigrationListener listener) {
    if (steps < 1) {
      throw new MigrationFailure("a downgrade undoes at least one migration; give a positive number of steps");
    }
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      MigrationStatus before = status();
      List<MigrationEntry> applied = before.applied();
      if (applied.isEmpty()) {
        throw new MigrationFailure("nothing to downgrade: no migration is applied to " + target.describe());
      }
      if (steps > applied.size()) {
        throw new MigrationFailure("cannot undo " + steps + " migrations: only " + applied.size()
            + " are applied; use `datamingle db downgrade base` to undo them all");
      }
      return downgrade(before, applied.subList(applied.size() - steps, applied.size()), listener);
    }
  }

  /** Undoes every migration newer than {@code version}; {@code "base"} undoes them all. */
  public MigrationReport downgradeTo(String version, MigrationListener listener) {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(lockTimeout)) {
      MigrationStatus before = status();
      List<MigrationEntry> undo;
      if ("base".equals(version)) {
        undo = before.applied();
      } else {
        BigDecimal wanted = knownVersion(before, version);
        MigrationEntry entry = before.entries().stream().filter(e -> e.id().equals(wanted.toPlainString())).findFirst().orElseThrow();
        if (!entry.applied()) {
          throw new MigrationFailure("migration " + version + " is not applied, so the database cannot be taken back to it;"
              + " run `datamingle db history` to see what is applied");
        }
        undo = before.applied().stream().filter(e -> new BigDecimal(e.id()).compareTo(wanted) > 0).toList();
      }
      if (undo.isEmpty()) {
        return new MigrationReport(List.of(), before);
      }
      return downgrade(before, undo, listener);
    }
  }

  private MigrationReport downgrade(MigrationStatus before, List<MigrationEntry> undo, MigrationListener listener) {
    refuseMissingScripts(new MigrationStatus(undo), "downgrade");
    for (MigrationEntry entry : undo) {
      if (!hasStatements(entry)) {
        throw new MigrationFailure("migration " + entry.fileName() + " has no undo section (-- //@UNDO followed by SQL),"
            + " so it cannot be downgraded; nothing was changed. Write a new migration that reverses it instead");
      }
    }
    Progress progress = new Progress(before, listener, true);
    run(progress, () -> new DownOperation(undo.size()).operate(connections(), loader, options(), null, progress));
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
        statement = message.substring("Error executing: ".length(), end < 0 ? message.length() : end).strip();
      }
      if (t instanceof MigrationFailure f) {
        return f;
      }
    }
    if (progress.current == null) {
      if (sql != null) {
        return unreachable(target, sql);
      }
      return new MigrationFailure("migration failed before any script ran: " + rootMessage(e), e);
    }
    StringBuilder text = new StringBuilder()
        .append("migration ").append(progress.current.fileName())
        .append(progress.undo ? " (undo)" : "").append(" failed and its changes were rolled back: ")
        .append(sql != null ? sql.getMessage() : rootMessage(e));
    if (statement != null) {
      text.append(System.lineSeparator()).append("  statement: ").append(abbreviate(statement));
    }
    text.append(System.lineSeparator()).append("  ")
        .append(progress.done.isEmpty() ? "nothing was applied" : progress.done.size() + " migration(s) before it completed")
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
      throw new MigrationFailure("refusing to " + what + ": the database records migration(s) "
          + missing.stream().map(MigrationEntry::id).toList()
          + " that have no script here; use the datamingle build (or --migrations folder) that applied them");
    }
  }

  private static BigDecimal knownVersion(MigrationStatus status, String version) {
    if (version == null || !version.matches("\\d{1,20}")) {
      throw new MigrationFailure("'" + version + "' is not a migration id; ids are 14 digits such as 20261124000002"
          + " (run `datamingle db history` to list them)");
    }
    BigDecimal wanted = new BigDecimal(version);
    boolean known = status.entries().stream().anyMatch(e -> new BigDecimal(e.id()).compareTo(wanted) == 0);
    if (!known) {
      throw new MigrationFailure("no migration has the id " + version + "; run `datamingle db history` to list them");
    }
    return wanted;
  }

  private static String files(List<MigrationEntry> entries) {
    return String.join(", ", entries.stream().map(MigrationEntry::fileName).toList());
  }

  private List<Change> readChangelog() {
    try (Connection connection = target.open()) {
      ChangelogOperation changelog = new ChangelogOperation(connection, options());
      if (!changelog.tableExists()) {
        return List.of();
      }
      return changelog.selectAll();
    } catch (SQLException e) {
      throw unreachable(target, e);
    }
  }

  static MigrationFailure unreachable(MigrationTarget target, SQLException e) {
    return new MigrationFailure("cannot use the database " + target.describe() + ": " + e.getMessage()
        + "; check DATABASE_URL (or --database-url) and that the database is running", e);
  }

  private static MigrationStatus merge(List<Change> scripts, List<Change> applied) {
    TreeMap<BigDecimal, MigrationEntry> byId = new TreeMap<>();
    Map<BigDecimal, Change> appliedById = new HashMap<>();
    for (Change c : applied) {
      appliedById.put(c.getId().stripTrailingZeros(), c);
    }
    BigDecimal newestApplied = applied.stream().map(Change::getId).max(BigDecimal::compareTo).orElse(null);
    for (Change script : scripts) {
      BigDecimal id = script.getId().stripTrailingZeros();
      Change row = appliedById.remove(id);
      MigrationEntry.State state;
      if (row != null) {
        state = MigrationEntry.State.APPLIED;
      } else if (newestApplied != null && script.getId().compareTo(newestApplied) < 0) {
        state = MigrationEntry.State.OUT_OF_ORDER;
      } else {
        state = MigrationEntry.State.PENDING;
      }
      byId.put(id, new MigrationEntry(script.getId().toPlainString(), script.getDescription(), script.getFilename(),
          row == null ? null : row.getAppliedTimestamp(), state));
    }
    for (Change row : appliedById.values()) {
      byId.put(row.getId().stripTrailingZeros(), new MigrationEntry(row.getId().toPlainString(), row.getDescription(), null,
          row.getAppliedTimestamp(), MigrationEntry.State.MISSING_SCRIPT));
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
    option.setThrowWarning(false);   // a PostgreSQL NOTICE is not a failure
    option.setAutoCommit(false);     // one transaction per script
    option.setStopOnError(true);
    option.setRemoveCRs(true);
    return option;
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
      current = entries.getOrDefault(change.getId().toPlainString(), new MigrationEntry(change.getId().toPlainString(),
          change.getDescription(), change.getFilename(), null, MigrationEntry.State.PENDING));
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
