package com.datamingle.migrations;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptLoader;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.migration.ConnectionProvider;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.PendingOperation;
import org.apache.ibatis.migration.operations.UpOperation;

/**
 * Runs scripts through MyBatis Migrations' operations, one transaction per script, reporting each
 * to a listener, and turns any failure into one {@link MigrationFailure} that names the script, the
 * statement and what was applied before it. It decides nothing: {@link MigrationPlanner} has.
 */
record MigrationRunner(MigrationTarget target, ScriptLoader loader) {

  /** Applies the next {@code steps} pending scripts. */
  List<MigrationEntry> up(int steps, MigrationStatus before, MigrationListener listener) {
    MigrationProgress progress = new MigrationProgress(before, listener, false);
    run(
        progress,
        () ->
            new UpOperation(steps)
                .operate(connections(), loader, Changelog.operationOptions(), null, progress));
    return progress.done();
  }

  /** Undoes the newest {@code steps} applied scripts. */
  List<MigrationEntry> down(int steps, MigrationStatus before, MigrationListener listener) {
    MigrationProgress progress = new MigrationProgress(before, listener, true);
    run(
        progress,
        () ->
            new DownOperation(steps)
                .operate(connections(), loader, Changelog.operationOptions(), null, progress));
    return progress.done();
  }

  /** Applies, in id order, the pending scripts among {@code ids} (the out-of-order ones). */
  List<MigrationEntry> pendingAmong(
      Set<String> ids, MigrationStatus before, MigrationListener listener) {
    MigrationProgress progress = new MigrationProgress(before, listener, false);
    run(
        progress,
        () ->
            new PendingOperation()
                .operate(
                    connections(), loader.only(ids), Changelog.operationOptions(), null, progress));
    return progress.done();
  }

  private ConnectionProvider connections() {
    return target::open;
  }

  private void run(MigrationProgress progress, Runnable operation) {
    try {
      operation.run();
    } catch (MigrationFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(progress, e);
    }
  }

  private MigrationFailure failure(MigrationProgress progress, RuntimeException e) {
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
            .append(" failed and its changes were rolled back: ")
            .append(
                MigrationFailure.oneLine(
                    sql != null ? sql.getMessage() : MigrationFailure.rootMessage(e)));
    if (statement != null) {
      text.append(System.lineSeparator()).append("  statement: ").append(abbreviate(statement));
    }
    text.append(System.lineSeparator())
        .append("  ")
        .append(
            progress.done().isEmpty()
                ? "nothing was applied"
                : progress.done().size() + " migration(s) before it completed")
        .append("; fix the script and run the command again");
    return new MigrationFailure(text.toString(), e);
  }

  private static String abbreviate(String statement) {
    String oneLine = statement.replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
