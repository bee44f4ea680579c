package com.datamingle.migrations.lint;

/**
 * The SQL a script is written in. The linter reads text only, so it names dialects itself rather
 * than depend on the package that runs migrations (which depends on it).
 */
public enum SqlDialect {
  SQLITE,
  POSTGRESQL;

  /** The scripts folder's name, e.g. {@code sqlite}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
