package com.datamingle.adapter.cli.command.common;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationReport;
import com.datamingle.migrations.MigrationStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** How the commands show migrations: progress lines, where the database stands, JSON entries. */
public final class MigrationText {
  private MigrationText() {}

  /** Prints one line as each migration starts and how long it took when it ends. */
  public static MigrationListener progress(PrintWriter out) {
    return new MigrationListener() {
      private boolean midLine;

      @Override
      public void starting(MigrationEntry migration, boolean undo) {
        out.print((undo ? "Undoing  " : "Applying ") + migration.label() + " ... ");
        out.flush();
        midLine = true;
      }

      @Override
      public void finished(MigrationEntry migration, boolean undo, Duration took) {
        out.println("done in " + took.toMillis() + " ms");
        midLine = false;
      }

      @Override
      public void notice(MigrationEntry migration, boolean undo, String message) {
        if (midLine) {
          out.println();
          midLine = false;
        }
        out.println("  " + migration.label() + ": " + message);
        out.flush();
      }

      @Override
      public void waitingForLock(Duration timeout) {
        out.println(
            "Waiting for the migration lock: another process is migrating this database (up to "
                + timeout.toSeconds()
                + " s)");
        out.flush();
      }
    };
  }

  /** The closing line of an upgrade or downgrade: what it did and where the database stands. */
  public static void printOutcome(
      PrintWriter out,
      DatabaseMigrator migrator,
      MigrationReport report,
      String nothing,
      String done) {
    String where =
        "Database " + migrator.target().describe() + " is at " + describe(report.after());
    out.println(
        report.ran().isEmpty()
            ? nothing + " " + where
            : done + " " + report.ran().size() + " migration(s). " + where);
  }

  /** The one line that says where the database stands. */
  public static String describe(MigrationStatus status) {
    String version =
        status.current().map(MigrationEntry::label).orElse("empty (no migration applied)");
    long pending = status.withState(MigrationEntry.State.PENDING).size();
    long outOfOrder = status.withState(MigrationEntry.State.OUT_OF_ORDER).size();
    long missing = status.withState(MigrationEntry.State.MISSING_SCRIPT).size();
    if (status.atHead()) {
      return version + " (head)";
    }
    StringBuilder b = new StringBuilder(version).append(" (not at head:");
    if (pending > 0) {
      b.append(' ').append(pending).append(" pending, run `datamingle db upgrade`");
    }
    if (outOfOrder > 0) {
      b.append(' ').append(outOfOrder).append(" older migration(s) never applied");
    }
    if (missing > 0) {
      b.append(' ').append(missing).append(" applied migration(s) without a script here");
    }
    return b.append(')').toString();
  }

  /**
   * What an upgrade or downgrade did, as --json shows it: the migrations it ran, the backup taken
   * first (or null), and where the database stands.
   */
  public static Map<String, Object> json(
      DatabaseMigrator migrator, MigrationReport report, Path backup) {
    return Output.object(
        "database", migrator.target().describe(),
        "ran", report.ran().stream().map(MigrationEntry::id).toList(),
        "backup", backup == null ? null : backup.toAbsolutePath().toString(),
        "current", report.after().current().map(MigrationText::json).orElse(null),
        "at_head", report.after().atHead());
  }

  /** One migration as the --json outputs show it. */
  public static Map<String, Object> json(MigrationEntry e) {
    return Output.object(
        "id", e.id(),
        "description", e.description(),
        "file", e.fileName(),
        "applied_at", e.appliedAt(),
        "state", e.state().name().toLowerCase(Locale.ROOT),
        "checksum_mismatch", e.checksumMismatch());
  }
}
