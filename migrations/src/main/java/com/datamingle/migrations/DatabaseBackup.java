package com.datamingle.migrations;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Backups and restores. SQLite: {@code VACUUM INTO}, a consistent copy taken while the server runs,
 * and a restore through SQLite's backup API, which other connections see at once. PostgreSQL:
 * {@code pg_dump} of the current schema in the custom format and {@code pg_restore --clean}.
 */
public final class DatabaseBackup {
  private final MigrationTarget target;

  public DatabaseBackup(MigrationTarget target) {
    this.target = target;
  }

  /** The file a backup goes to when none is given: beside the SQLite file, or in {@code dir} for PostgreSQL. */
  public Path defaultFile(Path dir, java.time.Clock clock) {
    String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(java.time.ZoneOffset.UTC)
        .format(clock.instant());
    Path base = target.sqliteFile()
        .map(db -> db.resolveSibling(db.getFileName() + ".backup-" + stamp))
        .orElseGet(() -> dir.resolve("datamingle-backup-" + stamp + ".dump"));
    Path file = base;
    for (int n = 1; Files.exists(file); n++) {
      file = base.resolveSibling(base.getFileName() + "-" + n);
    }
    return file;
  }

  public Path backup(Path file) {
    if (Files.exists(file)) {
      throw new MigrationFailure(file + " exists; a backup never overwrites: choose another file with --to");
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new MigrationFailure("cannot create the folder of " + file + ": " + e.getMessage(), e);
    }
    if (target.dialect() == Dialect.SQLITE) {
      try (Connection c = target.open(); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
        ps.setString(1, file.toAbsolutePath().toString());
        ps.execute();
      } catch (SQLException e) {
        throw new MigrationFailure("the backup to " + file + " failed: " + e.getMessage(), e);
      }
    } else {
      String schema = currentSchema();
      pg(List.of("pg_dump", "--format=custom", "--no-owner", "--schema=" + schema, "--file=" + file.toAbsolutePath()), "pg_dump");
    }
    return file;
  }

  public void restore(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MigrationFailure("no backup file " + file + "; give the path that `db backup` printed");
    }
    if (target.dialect() == Dialect.SQLITE) {
      try (Connection c = target.open(); Statement s = c.createStatement()) {
        s.executeUpdate("restore from '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
      } catch (SQLException e) {
        throw new MigrationFailure("the restore from " + file + " failed: " + e.getMessage()
            + "; is it a SQLite backup made by `db backup`?", e);
      }
    } else {
      String schema = currentSchema();
      try (Connection c = target.open(); Statement s = c.createStatement()) {
        String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
        s.execute("DROP SCHEMA IF EXISTS " + quoted + " CASCADE");
      } catch (SQLException e) {
        throw new MigrationFailure("cannot clear the schema before the restore: " + e.getMessage(), e);
      }
      pg(List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + database(), file.toAbsolutePath().toString()),
          "pg_restore");
    }
  }

  /** Restores a PostgreSQL dump of {@code schema} into this fresh database, schema and all. */
  void restoreInto(Path file, String schema) {
    try (Connection c = target.open(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS \"" + schema.replace("\"", "\"\"") + "\" CASCADE"); // a new database has public
    } catch (SQLException e) {
      throw new MigrationFailure("cannot prepare the copy for the restore: " + e.getMessage(), e);
    }
    pg(List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + database(), file.toAbsolutePath().toString()),
        "pg_restore");
  }

  String currentSchema() {
    try (Connection c = target.open(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT current_schema()")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw DatabaseMigrator.unreachable(target, e);
    }
  }

  /** host, port, database and options of the JDBC URL, as libpq environment variables. */
  private Map<String, String> libpqEnvironment() {
    URI uri = URI.create(target.jdbcUrl().substring("jdbc:".length()));
    Map<String, String> env = new java.util.HashMap<>();
    env.put("PGHOST", uri.getHost() == null ? "localhost" : uri.getHost());
    env.put("PGPORT", Integer.toString(uri.getPort() > 0 ? uri.getPort() : 5432));
    env.put("PGDATABASE", database());
    String user = target.user();
    String password = target.password();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String value = kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        if (kv[0].equals("user") && user == null) {
          user = value;
        } else if (kv[0].equals("password") && password == null) {
          password = value;
        } else if (kv[0].equals("sslmode")) {
          env.put("PGSSLMODE", value);
        }
      }
    }
    if (user != null) {
      env.put("PGUSER", user);
    }
    if (password != null) {
      env.put("PGPASSWORD", password);
    }
    return env;
  }

  private String database() {
    String path = URI.create(target.jdbcUrl().substring("jdbc:".length())).getPath();
    return path == null || path.length() <= 1 ? "postgres" : path.substring(1);
  }

  private void pg(List<String> command, String tool) {
    List<String> full = new ArrayList<>(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().putAll(libpqEnvironment());
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new MigrationFailure(tool + " did not finish within 30 minutes");
      }
      if (process.exitValue() != 0) {
        throw new MigrationFailure(tool + " failed (exit " + process.exitValue() + "): " + output);
      }
    } catch (IOException e) {
      throw new MigrationFailure(tool + " is not installed: install the PostgreSQL client (Debian: apt-get install"
          + " postgresql-client) and run the command again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailure("interrupted while running " + tool, e);
    }
  }
}
