package com.datamingle.migrations;

import com.datamingle.migrations.backup.DatabaseBackup;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Rehearses the pending migrations on a copy of a database: apply them, undo them, apply them
 * again, and compare the schema after each step. The real database is only read (to copy it).
 * SQLite copies to a temporary file; PostgreSQL restores a dump into a temporary database.
 */
public final class MigrationRehearsal {
  private final MigrationTarget target;
  private final ScriptSource scripts;

  public MigrationRehearsal(MigrationTarget target, ScriptSource scripts) {
    this.target = target;
    this.scripts = scripts;
  }

  /** What the rehearsal did and found; {@code differences} is empty when every step matched. */
  public record Result(List<MigrationEntry> rehearsed, List<String> differences) {
    public boolean passed() {
      return differences.isEmpty();
    }
  }

  public Result run(Path workDir) {
    String suffix =
        HexFormat.of()
            .formatHex(java.nio.ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
    Path dump = workDir.resolve("datamingle-rehearsal-" + suffix + ".copy");
    try {
      DatabaseBackup original = new DatabaseBackup(target);
      original.backup(dump);
      if (target.dialect() == Dialect.SQLITE) {
        return rehearse(new MigrationTarget("jdbc:sqlite:" + dump.toAbsolutePath(), null, null));
      }
      String database = "dm_rehearsal_" + suffix.toLowerCase(Locale.ROOT);
      execute("CREATE DATABASE " + database);
      try {
        MigrationTarget copy =
            new MigrationTarget(
                withDatabase(target.jdbcUrl(), database), target.user(), target.password());
        new DatabaseBackup(copy).restoreInto(dump, original.currentSchema());
        return rehearse(copy);
      } finally {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    } finally {
      try {
        Files.deleteIfExists(dump);
      } catch (IOException ignored) {
        // a leftover copy in the work folder is harmless
      }
    }
  }

  private Result rehearse(MigrationTarget copy) {
    DatabaseMigrator migrator = DatabaseMigrator.create(copy, scripts);
    List<MigrationEntry> pending = migrator.status().withState(MigrationEntry.State.PENDING);
    List<String> differences = new ArrayList<>();
    if (pending.isEmpty()) {
      return new Result(List.of(), differences);
    }
    List<String> before = migrator.schema();
    try {
      migrator.upgrade(null, null);
    } catch (MigrationFailure e) {
      differences.add("applying them failed: " + e.getMessage());
      return new Result(pending, differences);
    }
    List<String> applied = migrator.schema();
    try {
      migrator.downgradeSteps(pending.size(), null);
    } catch (MigrationFailure e) {
      differences.add("undoing them failed: " + e.getMessage());
      return new Result(pending, differences);
    }
    compare("after undoing them", before, migrator.schema(), differences);
    try {
      migrator.upgrade(null, null);
      compare("after applying them again", applied, migrator.schema(), differences);
    } catch (MigrationFailure e) {
      differences.add("applying them again failed: " + e.getMessage());
    }
    return new Result(pending, differences);
  }

  private static void compare(
      String when, List<String> expected, List<String> actual, List<String> differences) {
    for (String line : expected) {
      if (!actual.contains(line)) {
        differences.add(when + ", missing: " + line);
      }
    }
    for (String line : actual) {
      if (!expected.contains(line)) {
        differences.add(when + ", unexpected: " + line);
      }
    }
  }

  private void execute(String sql) {
    try (Connection c = target.open();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new MigrationFailure(
          "the rehearsal could not run `"
              + sql
              + "`: "
              + MigrationFailure.oneLine(e.getMessage())
              + "; the database user needs the CREATEDB privilege for `db test` on PostgreSQL",
          e);
    }
  }

  static String withDatabase(String jdbcUrl, String database) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return "jdbc:postgresql://"
        + uri.getRawAuthority()
        + "/"
        + database
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
