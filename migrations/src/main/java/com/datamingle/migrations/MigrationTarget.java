package com.datamingle.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The database to migrate: a JDBC URL and credentials. Migrations get their own plain
 * connections in auto-commit mode (MyBatis Migrations manages its transactions, and a pooled
 * connection with auto-commit off breaks its first probe on PostgreSQL). On SQLite they run
 * without foreign-key enforcement, which table rebuilds need, and wait for the writer lock.
 */
public record MigrationTarget(String jdbcUrl, String user, String password) {
  static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

  public MigrationTarget {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new MigrationFailure("no database URL given; set DATABASE_URL or pass --database-url");
    }
  }

  public Dialect dialect() {
    return Dialect.ofJdbcUrl(jdbcUrl);
  }

  /** The database file of a SQLite URL; empty for PostgreSQL and in-memory SQLite. */
  public Optional<Path> sqliteFile() {
    if (dialect() != Dialect.SQLITE) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    if (rest.startsWith("file:")) {
      rest = rest.substring("file:".length());
    }
    if (rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(rest).toAbsolutePath().normalize());
  }

  Connection open() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    if (dialect() == Dialect.SQLITE) {
      props.setProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
      props.setProperty("journal_mode", "WAL");
    } else {
      props.setProperty("ApplicationName", "datamingle-migrations");
      props.setProperty("connectTimeout", "10");
    }
    Connection connection = DriverManager.getConnection(jdbcUrl, props);
    connection.setAutoCommit(true);
    return connection;
  }

  /** The URL without credentials, fit for messages and logs. */
  public String describe() {
    int at = jdbcUrl.indexOf('?');
    return at < 0 ? jdbcUrl : jdbcUrl.substring(0, at);
  }

  @Override
  public String toString() {
    return "MigrationTarget[" + describe() + "]";
  }
}
