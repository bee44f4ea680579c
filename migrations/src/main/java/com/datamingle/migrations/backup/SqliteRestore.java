package com.datamingle.migrations.backup;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.schema.Catalog;
import com.datamingle.migrations.schema.DatabaseOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Restore on SQLite. The backup is first copied next to the database (same folder, so same disk)
 * and every check runs on that copy, which nobody else writes: header and size, {@code PRAGMA
 * integrity_check}, our changelog. The copy then replaces the database's contents through SQLite's
 * online backup API, which writes every page in ONE write transaction of the live database: it
 * commits whole or rolls back (a crash or a kill half-way leaves uncommitted pages that SQLite
 * discards), and it keeps WAL mode with its {@code -wal}/{@code -shm} files consistent.
 *
 * <p>Why not rename the copy over the database file: a running server keeps its connections open on
 * the old file (the inode stays alive after a rename), so it would go on reading and writing a
 * deleted file, and a stale {@code -shm} would be applied to the new one. With the backup API, a
 * running server's connections see the old contents until the commit and the restored ones from the
 * next statement on (their prepared statements are re-prepared for the new schema); its writes wait
 * for the commit (up to its busy timeout).
 */
final class SqliteRestore implements Restorer {
  private final MigrationTarget target;

  SqliteRestore(MigrationTarget target) {
    this.target = target;
  }

  @Override
  public DatabaseRestore.Verified verify(Path file, BackupFile.Kind kind) {
    if (kind != BackupFile.Kind.SQLITE) {
      String why =
          kind == BackupFile.Kind.PG_CUSTOM
              ? "a PostgreSQL dump, not a SQLite backup: restore it into a PostgreSQL database"
                  + " (DATABASE_URL=postgresql://...)"
              : BackupFile.describe(file) + ", not a SQLite backup made by `db backup`";
      throw Restorer.refusal(file, why);
    }
    Path database =
        target
            .sqliteFile()
            .orElseThrow(
                () ->
                    new MigrationFailure(
                        "an in-memory SQLite database cannot be restored into; point DATABASE_URL"
                            + " at a file"));
    target.requireSqliteFolder();
    BackupFile.checkSqliteSize(file);
    removeCopiesOfDeadRestores(database);
    Path copy =
        database.resolveSibling(
            database.getFileName()
                + ".restore-"
                + ProcessHandle.current().pid()
                + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                + ".tmp");
    try {
      Files.copy(file, copy);
    } catch (IOException e) {
      deleteWithCompanions(copy);
      throw new MigrationFailure(
          "cannot copy "
              + file
              + " next to the database ("
              + e.getMessage()
              + "); the database is unchanged",
          e);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
      List<String> problems = Catalog.strings(c, "PRAGMA integrity_check");
      if (!problems.equals(List.of("ok"))) {
        throw new MigrationFailure(
            file
                + " is a damaged SQLite database (integrity_check: "
                + MigrationFailure.oneLine(problems.get(0))
                + (problems.size() > 1 ? ", and " + (problems.size() - 1) + " more problem(s)" : "")
                + "); the database is unchanged");
      }
      DatabaseOrigin origin = DatabaseOrigin.inspect(c, Dialect.SQLITE);
      if (origin.kind() == DatabaseOrigin.Kind.EMPTY && origin.tables().isEmpty()) {
        throw new MigrationFailure(
            file
                + " is an empty SQLite database (no table), not a backup made by `db backup`;"
                + " the database is unchanged");
      }
      if (origin.foreign()) {
        throw new MigrationFailure(
            file
                + " is a SQLite database "
                + origin.describe()
                + ", not a DataMingle backup; the database is unchanged. To bring its data in, use"
                + " `datamingle db import --from jdbc:sqlite:"
                + file
                + "`");
      }
      List<String> applied = new ArrayList<>();
      for (Changelog.Row row : Changelog.read(c)) {
        applied.add(row.id().toPlainString());
      }
      return new DatabaseRestore.Verified(file, applied, copy, null);
    } catch (SQLException e) {
      deleteWithCompanions(copy);
      throw new MigrationFailure(
          file
              + " is not a readable SQLite database ("
              + MigrationFailure.oneLine(e.getMessage())
              + "); the database is unchanged",
          e);
    } catch (RuntimeException e) {
      deleteWithCompanions(copy);
      throw e;
    }
  }

  @Override
  public void apply(DatabaseRestore.Verified backup) {
    Path copy = backup.workingCopy();
    try (Connection live = target.open();
        Statement s = live.createStatement()) {
      int pageSize = Integer.parseInt(Catalog.strings(live, "PRAGMA page_size").get(0));
      matchPageSize(copy, pageSize);
      // the backup API in one transaction: sqlite-jdbc's "restore from" runs sqlite3_backup_step
      // until done
      s.executeUpdate("restore from '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new MigrationFailure(
          "the restore from "
              + backup.file()
              + " failed and was rolled back; the database is as it was: "
              + MigrationFailure.oneLine(e.getMessage()),
          e);
    }
  }

  /**
   * SQLite cannot copy pages of another size into a database in WAL mode: give the copy the live
   * database's page size.
   */
  private static void matchPageSize(Path copy, int pageSize) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement s = c.createStatement()) {
      if (Integer.parseInt(Catalog.strings(c, "PRAGMA page_size").get(0)) != pageSize) {
        s.execute("PRAGMA journal_mode = DELETE");
        s.execute("PRAGMA page_size = " + pageSize);
        s.execute("VACUUM");
      }
    }
  }

  /**
   * A restore killed before it could clean up leaves its working copy; its name holds the pid of
   * the process that made it, so copies of processes that are gone are removed (never those of a
   * restore that still runs).
   */
  private static void removeCopiesOfDeadRestores(Path database) {
    java.util.regex.Pattern copy =
        java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(database.getFileName().toString())
                + "\\.restore-(\\d+)-[0-9a-f]+\\.tmp");
    try (var files = Files.list(database.getParent())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        java.util.regex.Matcher m = copy.matcher(file.getFileName().toString());
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
          deleteWithCompanions(file);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // only tidying: a copy left behind is named for what it is
    }
  }

  /** Removes a working copy and the journal files SQLite may have left beside it. */
  static void deleteWithCompanions(Path file) {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      try {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      } catch (IOException ignored) {
        // a leftover temporary file is harmless, and its name says what it is
      }
    }
  }
}
