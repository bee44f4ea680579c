package com.datamingle.migrations;

import com.datamingle.migrations.database.ApplyLimits;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@link MigrationFailure} of a script that failed: which script, the statement, the database's
 * message, what was applied before it, and what to do; for a script that gave up waiting for a
 * lock, the sessions it waited for.
 */
final class RunFailures {
  private static final String NL = System.lineSeparator();

  private RunFailures() {}

  /**
   * A script failed. {@code invalidIndexes} is null for a script run in a transaction (rolled back
   * as a whole), else the INVALID indexes its failure left.
   */
  static MigrationFailure failed(
      MigrationTarget target,
      MigrationProgress progress,
      RuntimeException e,
      List<String> invalidIndexes) {
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
    if (progress.current() == null) {
      if (sql != null) {
        return target.unreachable(sql);
      }
      return new MigrationFailure(
          "migration failed before any script ran: "
              + MigrationFailure.oneLine(MigrationFailure.rootMessage(e)),
          e);
    }
    StringBuilder text =
        new StringBuilder()
            .append("migration ")
            .append(progress.current().fileName())
            .append(progress.undo() ? " (undo)" : "")
            .append(
                invalidIndexes == null ? " failed and its changes were rolled back: " : " failed: ")
            .append(
                MigrationFailure.oneLine(
                    sql != null ? sql.getMessage() : MigrationFailure.rootMessage(e)));
    if (statement != null) {
      text.append(NL).append("  statement: ").append(abbreviate(statement));
    }
    outsideTransaction(text, invalidIndexes);
    text.append(NL)
        .append("  ")
        .append(before(progress))
        .append("; fix the script (or the data) and run the command again");
    return new MigrationFailure(text.toString(), e);
  }

  /**
   * A script gave up waiting for a lock on each of its {@code attempts}; {@code invalidIndexes} as
   * for {@link #failed}.
   */
  static MigrationFailure gaveUp(
      MigrationProgress progress,
      MigrationEntry entry,
      RuntimeException e,
      int attempts,
      ApplyLimits limits,
      List<LockWatch.Blocker> blockers,
      List<String> invalidIndexes) {
    StringBuilder text =
        new StringBuilder()
            .append("migration ")
            .append(entry.fileName())
            .append(progress.undo() ? " (undo)" : "")
            .append(" gave up waiting for a lock ")
            .append(attempts == 1 ? "" : attempts + " times ")
            .append("(lock_timeout ")
            .append(ApplyLimits.setting(limits.lockTimeout()))
            .append(", SQLSTATE 55P03): ")
            .append(
                invalidIndexes == null
                    ? "its changes were rolled back and the changelog does not record it; "
                    : "")
            .append(before(progress))
            .append(NL)
            .append("  ")
            .append(waitedFor(blockers));
    outsideTransaction(text, invalidIndexes);
    text.append(NL).append("  what to do: wait for ");
    if (blockers.isEmpty()) {
      text.append("the session holding the lock to end (while the command waits, find it with")
          .append(" SELECT pid, state, query FROM pg_stat_activity WHERE pid IN (SELECT")
          .append(" unnest(pg_blocking_pids(pid)) FROM pg_stat_activity))");
    } else {
      text.append(blockers.size() == 1 ? "that session" : "those sessions").append(" to end");
    }
    text.append(" and run the command again; or, once you have checked that it may go, end it")
        .append(" with SELECT pg_terminate_backend(")
        .append(blockers.isEmpty() ? "pid" : Integer.toString(blockers.get(0).pid()))
        .append("); or give the migration longer with --lock-timeout (DATAMINGLE_LOCK_TIMEOUT),")
        .append(" knowing that readers of the table queue behind a waiting migration that long");
    return new MigrationFailure(text.toString(), e);
  }

  /** What a failed no-transaction script left: {@code invalidIndexes} null for any other. */
  private static void outsideTransaction(StringBuilder text, List<String> invalidIndexes) {
    if (invalidIndexes == null) {
      return;
    }
    text.append(NL)
        .append("  it runs outside a transaction (-- datamingle:no-transaction): the statements")
        .append(" before the failing one stay applied, and the changelog does not record it");
    for (String index : invalidIndexes) {
      text.append(NL)
          .append("  it left the INVALID index ")
          .append(index)
          .append(" (pg_index.indisvalid = false): the next run drops it (DROP INDEX")
          .append(" CONCURRENTLY IF EXISTS ")
          .append(index)
          .append(") before running the script again");
    }
  }

  /** Whom the script waited for, as a sentence start. */
  static String waitedFor(List<LockWatch.Blocker> blockers) {
    if (blockers.isEmpty()) {
      return "it waited for a lock another session holds (that session was gone before it was"
          + " seen)";
    }
    StringBuilder text = new StringBuilder("it waited for a lock held by ");
    for (int i = 0; i < blockers.size(); i++) {
      text.append(i == 0 ? "" : "; and by ").append(blockers.get(i).describe());
    }
    return text.toString();
  }

  private static String before(MigrationProgress progress) {
    return progress.done().isEmpty()
        ? "nothing was applied"
        : progress.done().size() + " migration(s) before it completed";
  }

  private static String abbreviate(String statement) {
    String oneLine = statement.replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
