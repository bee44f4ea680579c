package com.datamingle.migrations;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.ApplyLimits;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lint.StatementSplitter;
import com.datamingle.migrations.scripts.ScriptLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.migration.ConnectionProvider;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.PendingOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * Runs scripts through MyBatis Migrations' operations, one script per operation and one transaction
 * per script, reporting each to a listener, and turns any failure into one {@link MigrationFailure}
 * ({@link RunFailures}). It decides nothing: {@link MigrationPlanner} has.
 *
 * <p>On PostgreSQL each script's session has the {@link ApplyLimits}' {@code lock_timeout} and
 * {@code statement_timeout}; a script that gave up waiting for a lock (SQLSTATE 55P03) is rolled
 * back and tried again after a pause, a bounded number of times, while a {@link LockWatch} notes
 * whom it waited for. A script marked {@code -- datamingle:no-transaction} runs each statement on
 * its own (auto-commit), for {@code CREATE INDEX CONCURRENTLY}; the migration lock is held on
 * another, idle, connection, so such a statement does not wait for it. SQLite ignores the marker.
 */
record MigrationRunner(MigrationTarget target, ScriptLoader loader, ApplyLimits limits) {
  static final String LOCK_TIMEOUT = "55P03";

  /** One MyBatis operation that runs one script. */
  private interface Operation {
    void run(ConnectionProvider connections, DatabaseOperationOption options);
  }

  /** Applies {@code pending} (the next pending scripts, in id order). */
  List<MigrationEntry> up(
      List<MigrationEntry> pending, MigrationStatus before, MigrationListener listener) {
    MigrationProgress progress = new MigrationProgress(before, listener, false);
    for (MigrationEntry entry : pending) {
      step(
          progress,
          entry,
          (connections, options) ->
              new UpOperation(1).operate(connections, loader, options, null, progress));
    }
    return progress.done();
  }

  /** Undoes {@code undo} (the newest applied scripts, in id order), newest first. */
  List<MigrationEntry> down(
      List<MigrationEntry> undo, MigrationStatus before, MigrationListener listener) {
    MigrationProgress progress = new MigrationProgress(before, listener, true);
    List<MigrationEntry> newestFirst = new ArrayList<>(undo);
    java.util.Collections.reverse(newestFirst);
    for (MigrationEntry entry : newestFirst) {
      step(
          progress,
          entry,
          (connections, options) ->
              new DownOperation(1).operate(connections, loader, options, null, progress));
    }
    return progress.done();
  }

  /** Applies, in id order, the out-of-order scripts {@code outOfOrder}. */
  List<MigrationEntry> pendingAmong(
      List<MigrationEntry> outOfOrder, MigrationStatus before, MigrationListener listener) {
    MigrationProgress progress = new MigrationProgress(before, listener, false);
    for (MigrationEntry entry : outOfOrder) {
      ScriptLoader one = loader.only(Set.of(entry.id()));
      step(
          progress,
          entry,
          (connections, options) ->
              new PendingOperation().operate(connections, one, options, null, progress));
    }
    return progress.done();
  }

  private boolean postgres() {
    return target.dialect() == Dialect.POSTGRESQL;
  }

  /** Runs one script, retrying it while it gives up on a lock and retries are left. */
  private void step(MigrationProgress progress, MigrationEntry entry, Operation operation) {
    boolean noTransaction =
        postgres()
            && entry.fileName() != null
            && StatementSplitter.noTransaction(loader.text(entry.fileName()));
    String section = noTransaction ? SqlPreview.section(loader, entry, progress.undo()) : null;
    DatabaseOperationOption options = Changelog.operationOptions();
    options.setAutoCommit(noTransaction);
    for (int attempt = 1; ; attempt++) {
      Duration pause;
      try (LockWatch watch = postgres() ? LockWatch.start(target, limits) : null) {
        try {
          if (noTransaction) {
            dropInvalidIndexes(progress, entry, section);
          }
          operation.run(connections(watch, noTransaction), options);
          return;
        } catch (MigrationFailure e) {
          throw e;
        } catch (RuntimeException e) {
          if (!lockTimedOut(e)) {
            throw RunFailures.failed(target, progress, e, noTransaction ? invalid(section) : null);
          }
          List<LockWatch.Blocker> blockers = watch == null ? List.of() : watch.blockers();
          if (attempt > limits.retries()) {
            throw RunFailures.gaveUp(
                progress,
                entry,
                e,
                attempt,
                limits,
                blockers,
                noTransaction ? invalid(section) : null);
          }
          pause = limits.pauseBefore(attempt);
          progress.notice(
              entry,
              RunFailures.waitedFor(blockers)
                  + (noTransaction ? "; trying again in " : "; rolled back, trying again in ")
                  + pause.toMillis()
                  + " ms (retry "
                  + attempt
                  + " of "
                  + limits.retries()
                  + ")");
        }
      }
      sleep(pause);
    }
  }

  /**
   * A connection provider whose sessions carry the limits, each watched by {@code watch}. With
   * {@code autoCommit} they stay in auto-commit mode, where MyBatis' changelog insert still calls
   * {@code commit()} (which the driver refuses then), so that call is skipped.
   */
  private ConnectionProvider connections(LockWatch watch, boolean autoCommit) {
    return () -> {
      Connection opened = target.open();
      Connection connection = autoCommit ? AutoCommitConnection.wrap(opened) : opened;
      if (!postgres()) {
        return connection;
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT set_config('lock_timeout', ?, false),"
                  + " set_config('statement_timeout', ?, false), pg_backend_pid()")) {
        ps.setString(1, ApplyLimits.setting(limits.lockTimeout()));
        ps.setString(2, ApplyLimits.setting(limits.statementTimeout()));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (watch != null) {
            watch.watch(rs.getInt(3));
          }
        }
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return connection;
    };
  }

  private void dropInvalidIndexes(
      MigrationProgress progress, MigrationEntry entry, String section) {
    try (Connection connection = connections(null, false).getConnection()) {
      for (String index : InvalidIndexes.dropNamedIn(connection, section)) {
        progress.notice(
            entry,
            "dropped the INVALID index "
                + index
                + " that an earlier failed run of this script left (DROP INDEX CONCURRENTLY)");
      }
    } catch (SQLException e) {
      if (lockTimedOut(e)) {
        throw new IllegalStateException("dropping an INVALID index waited too long", e); // retried
      }
      throw new MigrationFailure(
          "cannot drop the INVALID indexes an earlier run of "
              + entry.fileName()
              + " left: "
              + MigrationFailure.oneLine(e.getMessage())
              + "; drop them by hand (DROP INDEX CONCURRENTLY IF EXISTS name) and run the command"
              + " again",
          e);
    }
  }

  /** The invalid indexes {@code section} names, after a failure; empty when unknown. */
  private List<String> invalid(String section) {
    try (Connection connection = target.open()) {
      return InvalidIndexes.namedIn(connection, section);
    } catch (SQLException e) {
      return new ArrayList<>();
    }
  }

  static boolean lockTimedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && LOCK_TIMEOUT.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailure("interrupted while waiting to retry a migration", e);
    }
  }
}
