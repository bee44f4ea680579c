package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.common.CommandContext;
import com.datamingle.migrations.backup.DatabaseBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The backups the db commands take: asked for ({@code db backup}), or before a change. */
final class Backups {
  private final Settings settings;
  private final DatabaseBackup backup;
  private final PrintWriter notes;

  Backups(CommandContext context) {
    this(context, context.out());
  }

  /** Backups that say where they went, and what they removed, on {@code notes}. */
  Backups(CommandContext context, PrintWriter notes) {
    this.notes = notes;
    this.settings = context.settings();
    this.backup = new DatabaseBackup(context.migrator().target());
  }

  /** Takes a backup the operator asked for and says where; the path goes to standard output. */
  Path backup(Path to) {
    return written(take(to));
  }

  /** Takes a backup the operator asked for, saying nothing: to {@code to}, or a named file. */
  Path take(Path to) {
    return backup.backup(
        to != null ? to : backup.defaultFile(settings.backupDirOrWorkingDir(), Clock.systemUTC()));
  }

  /**
   * The backup taken automatically before {@code command} changes data: says where, then keeps only
   * the newest DATAMINGLE_BACKUP_KEEP automatic backups of this database (never one the operator
   * took, nor any file this tool did not name).
   */
  Path automatic(String command) {
    Path file =
        written(
            backup.backup(
                backup.defaultFile(settings.backupDirOrWorkingDir(), Clock.systemUTC(), command)));
    if (settings.backupKeep() > 0) {
      removed(
          backup.prune(settings.backupDirOrWorkingDir(), settings.backupKeep(), true),
          "automatic ");
    }
    return file;
  }

  /** Keeps the newest {@code keep} of the backups the operator took without naming a file. */
  void prune(int keep) {
    removed(pruned(keep), "");
  }

  /** As {@link #prune}, saying nothing: the files it deleted. */
  List<Path> pruned(int keep) {
    return backup.prune(settings.backupDirOrWorkingDir(), keep, false);
  }

  private Path written(Path file) {
    notes.println("Backup written to " + file.toAbsolutePath());
    return file;
  }

  private void removed(List<Path> deleted, String kind) {
    deleted.forEach(
        f -> notes.println("Removed the older " + kind + "backup " + f.toAbsolutePath()));
  }
}
