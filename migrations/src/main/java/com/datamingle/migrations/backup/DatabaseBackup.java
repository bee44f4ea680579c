package com.datamingle.migrations.backup;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Backups. SQLite: {@code VACUUM INTO}, a consistent copy taken while the server runs, beside the
 * database file. PostgreSQL: {@code pg_dump} of the current schema in the custom format. Restores
 * are {@link DatabaseRestore}'s.
 *
 * <p>Names: a backup without a file named by the operator is called {@code <db file>.backup-<UTC
 * time>} on SQLite and {@code datamingle-backup-<database>.<schema>-<UTC time>.dump} on PostgreSQL;
 * one taken automatically before a command that changes data adds {@code .before-<command>}. {@link
 * #prune} deletes only files of these shapes, of this database.
 */
public final class DatabaseBackup {
  private static final String STAMP = "\\d{8}-\\d{6}-\\d{3}";
  private static final java.time.format.DateTimeFormatter STAMP_FORMAT =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
          .withZone(java.time.ZoneOffset.UTC);

  private final MigrationTarget target;

  public DatabaseBackup(MigrationTarget target) {
    this.target = target;
  }

  /**
   * The file a backup goes to when none is given: beside the SQLite file, or in {@code dir} for
   * PostgreSQL.
   */
  public Path defaultFile(Path dir, java.time.Clock clock) {
    return defaultFile(dir, clock, null);
  }

  /**
   * The same for a backup taken automatically before {@code command} (e.g. "downgrade"); null for
   * one the operator asked for.
   */
  public Path defaultFile(Path dir, java.time.Clock clock, String command) {
    String stamp = STAMP_FORMAT.format(clock.instant());
    String before =
        command == null
            ? ""
            : ".before-" + command.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
    String name = target.sqliteFile().isPresent() ? null : postgresName();
    for (int n = 0; ; n++) {
      String counter = n == 0 ? "" : "-" + n;
      Path file =
          target
              .sqliteFile()
              .map(
                  db -> db.resolveSibling(db.getFileName() + ".backup-" + stamp + counter + before))
              .orElseGet(
                  () ->
                      dir.resolve(
                          "datamingle-backup-" + name + "-" + stamp + counter + before + ".dump"));
      if (!Files.exists(file)) {
        return file;
      }
    }
  }

  /**
   * Deletes all but the newest {@code keep} backups of this database that this tool named (see the
   * class comment), only those taken automatically when {@code automaticOnly}. Files named
   * otherwise (a --to FILE, anything an operator put there) are never touched. Returns what was
   * deleted.
   */
  public List<Path> prune(Path dir, int keep, boolean automaticOnly) {
    if (keep < 1) {
      throw new MigrationFailure("keep at least one backup (--keep 1 or more)");
    }
    Path folder = target.sqliteFile().map(Path::getParent).orElse(dir);
    java.util.regex.Pattern ours =
        java.util.regex.Pattern.compile(
            target
                .sqliteFile()
                .map(
                    db ->
                        java.util.regex.Pattern.quote(db.getFileName().toString())
                            + "\\.backup-("
                            + STAMP
                            + ")(?:-(\\d+))?(\\.before-[a-z-]+)?")
                .orElseGet(
                    () ->
                        "datamingle-backup-"
                            + java.util.regex.Pattern.quote(postgresName())
                            + "-("
                            + STAMP
                            + ")(?:-(\\d+))?(\\.before-[a-z-]+)?\\.dump"));
    record Found(Path file, String stamp, int counter) {}
    List<Found> found = new ArrayList<>();
    try (var files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        java.util.regex.Matcher m = ours.matcher(file.getFileName().toString());
        if (m.matches() && Files.isRegularFile(file) && (!automaticOnly || m.group(3) != null)) {
          found.add(
              new Found(file, m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
        }
      }
    } catch (IOException e) {
      throw new MigrationFailure("cannot list the backups in " + folder + ": " + e.getMessage(), e);
    }
    found.sort(
        java.util.Comparator.comparing(Found::stamp).thenComparingInt(Found::counter).reversed());
    List<Path> deleted = new ArrayList<>();
    for (Found f : found.subList(Math.min(keep, found.size()), found.size())) {
      try {
        Files.delete(f.file());
        deleted.add(f.file());
      } catch (IOException e) {
        throw new MigrationFailure(
            "cannot delete the old backup " + f.file() + ": " + e.getMessage(), e);
      }
    }
    return deleted;
  }

  /** database.schema of a PostgreSQL target, made safe for a file name. */
  private String postgresName() {
    return (new PgTools(target).database() + "." + currentSchema())
        .replaceAll("[^A-Za-z0-9_.]", "_");
  }

  public Path backup(Path file) {
    if (Files.exists(file)) {
      throw new MigrationFailure(
          file + " exists; a backup never overwrites: choose another file with --to");
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new MigrationFailure("cannot create the folder of " + file + ": " + e.getMessage(), e);
    }
    if (target.dialect() == Dialect.SQLITE) {
      try (Connection c = target.open();
          PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
        ps.setString(1, file.toAbsolutePath().toString());
        ps.execute();
      } catch (SQLException e) {
        throw new MigrationFailure(
            "the backup to " + file + " failed: " + MigrationFailure.oneLine(e.getMessage()), e);
      }
    } else {
      String schema = currentSchema();
      new PgTools(target)
          .run(
              List.of(
                  "pg_dump",
                  "--format=custom",
                  "--no-owner",
                  "--schema=" + schema,
                  "--file=" + file.toAbsolutePath()),
              ProcessBuilder.Redirect.DISCARD,
              error -> "pg_dump failed: " + error);
    }
    return file;
  }

  /** Restores a PostgreSQL dump of {@code schema} into this fresh database, schema and all. */
  public void restoreInto(Path file, String schema) {
    try (Connection c = target.open();
        Statement s = c.createStatement()) {
      s.execute(
          "DROP SCHEMA IF EXISTS \""
              + schema.replace("\"", "\"\"")
              + "\" CASCADE"); // a new database has public
    } catch (SQLException e) {
      throw new MigrationFailure("cannot prepare the copy for the restore: " + e.getMessage(), e);
    }
    new PgTools(target)
        .run(
            List.of(
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname=" + new PgTools(target).database(),
                file.toAbsolutePath().toString()),
            ProcessBuilder.Redirect.DISCARD,
            error -> "pg_restore failed: " + error);
  }

  public String currentSchema() {
    try (Connection c = target.open();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT current_schema()")) {
      rs.next();
      if (rs.getString(1) == null) {
        throw new MigrationFailure(
            "the schema of "
                + target.describe()
                + " does not exist, so there is nothing to back up");
      }
      return rs.getString(1);
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }
}
