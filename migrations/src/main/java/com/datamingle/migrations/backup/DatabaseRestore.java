package com.datamingle.migrations.backup;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lock.SchemaLock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code db restore}: checks a backup file completely before the database is touched, then replaces
 * the database's contents with it in one step that either happens whole or not at all. The caller
 * backs the current database up in between (see the CLI).
 *
 * <p>SQLite ({@link SqliteRestore}): the file is copied next to the database and checked there
 * (header, {@code PRAGMA integrity_check}, our changelog); the copy then replaces the database's
 * contents in one write transaction. PostgreSQL ({@link PostgresRestore}): {@code pg_restore
 * --list} must read the file and find our changelog, and a full read must reach its end; the
 * restore then runs in one transaction that moves the live schema aside, creates the backup's
 * schema and drops the old one only at the end.
 */
public final class DatabaseRestore {
  /**
   * How long the swap waits for sessions that hold the tables (a long transaction) before giving
   * up, unchanged.
   */
  static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

  /** How long a restore waits for a migration that runs (the same wait as the migrator's). */
  private static final Duration SCHEMA_LOCK_TIMEOUT = Duration.ofSeconds(60);

  private final MigrationTarget target;
  private final Duration lockTimeout;

  public DatabaseRestore(MigrationTarget target) {
    this(target, DEFAULT_LOCK_TIMEOUT);
  }

  private DatabaseRestore(MigrationTarget target, Duration lockTimeout) {
    this.target = target;
    this.lockTimeout = lockTimeout;
  }

  /** The same restore, waiting at most {@code timeout} for locks held by other sessions. */
  public DatabaseRestore withLockTimeout(Duration timeout) {
    return new DatabaseRestore(target, timeout);
  }

  /**
   * A backup that passed every check: its file, the migrations its changelog records, and (for
   * SQLite) the checked working copy next to the database, removed by {@link #close()}.
   */
  public static final class Verified implements AutoCloseable {
    private final Path file;
    private final List<String> applied;
    private final Path workingCopy;
    private final String schema;

    Verified(Path file, List<String> applied, Path workingCopy, String schema) {
      this.file = file;
      this.applied =
          List.copyOf(
              applied.stream()
                  .sorted((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)))
                  .toList());
      this.workingCopy = workingCopy;
      this.schema = schema;
    }

    public Path file() {
      return file;
    }

    /** The ids of the migrations the backup's changelog records, oldest first. */
    public List<String> applied() {
      return applied;
    }

    /** The newest migration the backup records: its schema version. */
    public Optional<String> version() {
      return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1));
    }

    Path workingCopy() {
      return workingCopy;
    }

    /** The PostgreSQL schema the dump holds; null for SQLite. */
    String schema() {
      return schema;
    }

    @Override
    public void close() {
      if (workingCopy != null) {
        SqliteRestore.deleteWithCompanions(workingCopy);
      }
    }
  }

  /**
   * Checks that {@code file} is a backup of this project for this kind of database; refuses
   * anything else with a message that says what the file is. The database is only read.
   */
  public Verified verify(Path file) {
    return restorer().verify(file, BackupFile.kind(file));
  }

  /**
   * Replaces the database's contents with the verified backup, under the schema lock, in one step:
   * on any failure the database is left as it was.
   */
  public void apply(Verified backup) {
    try (SchemaLock.Held ignored = SchemaLock.forTarget(target).acquire(SCHEMA_LOCK_TIMEOUT)) {
      restorer().apply(backup);
    }
  }

  private Restorer restorer() {
    return target.dialect() == Dialect.SQLITE
        ? new SqliteRestore(target)
        : new PostgresRestore(target, lockTimeout);
  }
}
