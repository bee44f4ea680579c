package com.datamingle.adapter.cli.bootstrap;

import java.nio.file.Path;
import java.util.Map;

/**
 * Typed configuration, read from environment variables and overridden by flags. No globals:
 * tests build it directly.
 *
 * @param databaseUrl {@code DATABASE_URL}; null means the SQLite default {@code db.sqlite}
 * @param migrationsDir {@code DATAMINGLE_MIGRATIONS}; null means the scripts packaged in the jar
 */
public record Settings(String databaseUrl, Path migrationsDir) {

  public static Settings fromEnvironment(Map<String, String> env) {
    String migrations = blankToNull(env.get("DATAMINGLE_MIGRATIONS"));
    return new Settings(blankToNull(env.get("DATABASE_URL")), migrations == null ? null : Path.of(migrations));
  }

  public Settings withDatabaseUrl(String url) {
    return url == null ? this : new Settings(url, migrationsDir);
  }

  public Settings withMigrationsDir(Path dir) {
    return dir == null ? this : new Settings(databaseUrl, dir);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
