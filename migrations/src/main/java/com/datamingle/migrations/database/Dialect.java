package com.datamingle.migrations.database;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * The databases we support and everything that differs between them at the connection: the URL
 * prefix, the scripts folder (and MyBatis databaseId), the pool size and the properties of the
 * service's pooled connections and of the migrations' own connections. Persistence and migrations
 * both take these from here, so that SQLite's busy timeout, say, is defined once.
 */
public enum Dialect {
  SQLITE("sqlite", "jdbc:sqlite:", "org.sqlite.JDBC", 4, true) {
    @Override
    public Properties poolProperties() {
      return properties(
          "journal_mode", "WAL",
          "synchronous", "NORMAL",
          "busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS),
          "foreign_keys", "true");
    }

    @Override
    Properties migrationProperties() {
      return properties(
          "busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS), "journal_mode", "WAL");
    }
  },
  POSTGRESQL("postgresql", "jdbc:postgresql:", "org.postgresql.Driver", 10, false) {
    @Override
    public Properties poolProperties() {
      return properties(
          "ApplicationName", "datamingle", "connectTimeout", "10", "prepareThreshold", "1");
    }

    @Override
    Properties migrationProperties() {
      return properties("ApplicationName", "datamingle-migrations", "connectTimeout", "10");
    }
  };

  /** How long a SQLite connection waits for the writer lock before it gives up. */
  public static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

  private final String folder;
  private final String urlPrefix;
  private final String driverClass;
  private final int defaultPoolSize;
  private final boolean singleWriter;

  Dialect(
      String folder,
      String urlPrefix,
      String driverClass,
      int defaultPoolSize,
      boolean singleWriter) {
    this.folder = folder;
    this.urlPrefix = urlPrefix;
    this.driverClass = driverClass;
    this.defaultPoolSize = defaultPoolSize;
    this.singleWriter = singleWriter;
  }

  /**
   * True when the database has one writer at a time (SQLite): write transactions then take the
   * writer lock up front, commits are grouped behind one writer, and the pool keeps one idle
   * connection rather than a full set.
   */
  public boolean singleWriter() {
    return singleWriter;
  }

  /** The name of the scripts folder, and the MyBatis databaseId, of this dialect. */
  public String id() {
    return folder;
  }

  /**
   * The pool size to use: {@code requested} when positive, else this dialect's default (SQLite has
   * one writer in WAL mode, and a handful of readers is plenty).
   */
  public int poolSize(int requested) {
    return requested > 0 ? requested : defaultPoolSize;
  }

  /**
   * A connection to {@code jdbcUrl} (one of this dialect's) straight from its driver. {@link
   * DriverManager} would first load every driver on the class path, and PostgreSQL's starts
   * java.util.logging: a cost a short command on SQLite notices. Without this dialect's driver on
   * the class path, DriverManager answers.
   */
  public Connection connect(String jdbcUrl, Properties props) throws SQLException {
    Driver driver;
    try {
      driver =
          Class.forName(driverClass)
              .asSubclass(Driver.class)
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return DriverManager.getConnection(jdbcUrl, props);
    }
    Connection connection = driver.connect(jdbcUrl, props);
    return connection != null ? connection : DriverManager.getConnection(jdbcUrl, props);
  }

  /** The driver properties of the service's pooled connections. */
  public abstract Properties poolProperties();

  /** The driver properties of a migration's own connection (see {@link MigrationTarget}). */
  abstract Properties migrationProperties();

  private static Properties properties(String... namesAndValues) {
    Properties props = new Properties();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      props.setProperty(namesAndValues[i], namesAndValues[i + 1]);
    }
    return props;
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
