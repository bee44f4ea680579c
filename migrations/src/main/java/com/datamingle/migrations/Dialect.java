package com.datamingle.migrations;

import java.util.Locale;

/** The databases we support; each has its own folder of scripts with the same ids. */
public enum Dialect {
  SQLITE("sqlite", "jdbc:sqlite:"),
  POSTGRESQL("postgresql", "jdbc:postgresql:");

  private final String folder;
  private final String urlPrefix;

  Dialect(String folder, String urlPrefix) {
    this.folder = folder;
    this.urlPrefix = urlPrefix;
  }

  /** The name of the scripts folder, and the MyBatis databaseId, of this dialect. */
  public String id() {
    return folder;
  }

  public static Dialect ofJdbcUrl(String jdbcUrl) {
    String lower = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
    for (Dialect d : values()) {
      if (lower.startsWith(d.urlPrefix)) {
        return d;
      }
    }
    throw new MigrationFailure(
        "unsupported database URL: use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB");
  }
}
