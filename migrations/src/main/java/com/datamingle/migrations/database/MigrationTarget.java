package com.datamingle.migrations.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The database to migrate: a JDBC URL and credentials. Migrations get their own plain connections
 * in auto-commit mode (MyBatis Migrations manages its transactions, and a pooled connection with
 * auto-commit off breaks its first probe on PostgreSQL). On SQLite they run without foreign-key
 * enforcement, which table rebuilds need, and wait for the writer lock.
 */
public record MigrationTarget(String jdbcUrl, String user, String password) {
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
    if (rest.contains("mode=memory")) {
      return Optional.empty();
    }
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

  /** A connection of its own, in auto-commit mode; see the class comment. */
  public Connection open() throws SQLException {
    return connect(dialect().migrationProperties(), true);
  }

  /**
   * A connection for one write transaction of its own (auto-commit off), named {@code
   * applicationName} on PostgreSQL; on SQLite it takes the writer lock at its first statement.
   */
  public Connection openTransaction(String applicationName) throws SQLException {
    Properties props = dialect().migrationProperties();
    if (dialect() == Dialect.SQLITE) {
      props.setProperty("transaction_mode", "IMMEDIATE");
    } else {
      props.setProperty("ApplicationName", applicationName);
    }
    return connect(props, false);
  }

  /**
   * {@code props} with this target's user and password added (those that are set): the one place
   * credentials join a connection's properties, so no caller forgets one or logs them.
   */
  public Properties withCredentials(Properties props) {
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    return props;
  }

  private Connection connect(Properties props, boolean autoCommit) throws SQLException {
    requireSqliteFolder();
    Connection connection = dialect().connect(jdbcUrl, withCredentials(props));
    connection.setAutoCommit(autoCommit);
    return connection;
  }

  /**
   * A connection for reading only. On SQLite it leaves the journal mode alone (opened read-only,
   * unless the file is in WAL mode already), so inspecting a database (status, what made it, its
   * schema) never changes one byte of it; a file that does not exist yet reads as an empty database
   * and is not created.
   */
  public Connection openForReading() throws SQLException {
    Optional<Path> file = sqliteFile();
    if (file.isEmpty()) {
      return open();
    }
    requireSqliteFolder();
    if (!java.nio.file.Files.exists(file.get())) {
      return Dialect.SQLITE.connect("jdbc:sqlite::memory:", new Properties());
    }
    Properties props = new Properties();
    if (!inWalMode(file.get())) {
      props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    } // else read-write, the journal mode untouched: the last connection to close then tidies the
    // -wal and -shm files away
    props.setProperty("busy_timeout", Integer.toString(Dialect.SQLITE_BUSY_TIMEOUT_MS));
    return dialect().connect(jdbcUrl, props);
  }

  /** Bytes 18 and 19 of a SQLite header are 2 in WAL mode. */
  private static boolean inWalMode(Path file) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      byte[] header = in.readNBytes(20);
      return header.length == 20 && header[18] == 2 && header[19] == 2;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * A SQLite file whose folder is missing, or that is a folder, cannot be opened: say which, not
   * "is it running".
   */
  public void requireSqliteFolder() {
    Optional<Path> file = sqliteFile();
    if (file.isEmpty()) {
      return;
    }
    Path folder = file.get().getParent();
    if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
      throw new MigrationFailure(
          "the folder "
              + folder
              + " of the SQLite database "
              + file.get().getFileName()
              + " does not exist; create it (mkdir -p "
              + folder
              + ") or point DATABASE_URL (or --database-url) at an existing folder");
    }
    if (java.nio.file.Files.isDirectory(file.get())) {
      throw new MigrationFailure(
          file.get()
              + " is a folder, not a SQLite database file; point DATABASE_URL (or --database-url)"
              + " at a file, e.g. jdbc:sqlite:"
              + file.get().resolve("db.sqlite"));
    }
  }

  /** The failure of a command that could not use this database: what to check next. */
  public MigrationFailure unreachable(SQLException e) {
    return new MigrationFailure(
        "cannot use the database "
            + describe()
            + ": "
            + MigrationFailure.oneLine(e.getMessage())
            + "; check DATABASE_URL (or --database-url) and that the database is running",
        e);
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
