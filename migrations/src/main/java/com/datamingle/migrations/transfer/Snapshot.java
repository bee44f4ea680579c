package com.datamingle.migrations.transfer;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * A read-only connection to a database in one consistent snapshot: a read transaction on SQLite
 * (the file opened read-only, or, in WAL mode, with {@code query_only} so that the last connection
 * still tidies the -wal and -shm files away), {@code REPEATABLE READ READ ONLY} on PostgreSQL.
 * Nothing through it can write.
 */
final class Snapshot implements AutoCloseable {
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.UTF_8);

  final MigrationTarget database;
  final Connection connection;

  private Snapshot(MigrationTarget database, Connection connection) {
    this.database = database;
    this.connection = connection;
  }

  Dialect dialect() {
    return database.dialect();
  }

  /**
   * Opens {@code database}; {@code role} ("source", "target") and {@code hint} (where its URL came
   * from) go into the error messages.
   */
  static Snapshot open(MigrationTarget database, String role, String hint) {
    Optional<Path> file = database.sqliteFile();
    try {
      Properties props = new Properties();
      if (database.dialect() == Dialect.SQLITE) {
        if (file.isEmpty()) {
          throw new MigrationFailure(
              "the "
                  + role
                  + " "
                  + database.describe()
                  + " is an in-memory SQLite database, which"
                  + " no other connection can read; "
                  + hint);
        }
        boolean wal = requireSqliteFile(file.get(), role, hint);
        if (!wal) {
          props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        }
        props.setProperty("busy_timeout", "10000");
        Connection c = DriverManager.getConnection(database.jdbcUrl(), props);
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA query_only = ON");
        }
        c.setAutoCommit(false);
        return new Snapshot(database, c);
      }
      database.withCredentials(props);
      props.setProperty("ApplicationName", "datamingle-import");
      props.setProperty("connectTimeout", "10");
      Connection c = DriverManager.getConnection(database.jdbcUrl(), props);
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      return new Snapshot(database, c);
    } catch (SQLException e) {
      throw new MigrationFailure(
          "cannot read the "
              + role
              + " database "
              + database.describe()
              + ": "
              + MigrationFailure.oneLine(e.getMessage())
              + "; "
              + hint,
          e);
    }
  }

  /** Checks that the file is a SQLite database before a driver would create or misread it. */
  private static boolean requireSqliteFile(Path file, String role, String hint) {
    if (!Files.exists(file)) {
      throw new MigrationFailure("the " + role + " database " + file + " does not exist; " + hint);
    }
    if (Files.isDirectory(file)) {
      throw new MigrationFailure(
          "the " + role + " " + file + " is a folder, not a SQLite database file; " + hint);
    }
    byte[] header;
    try (InputStream in = Files.newInputStream(file)) {
      header = in.readNBytes(20);
    } catch (IOException e) {
      throw new MigrationFailure(
          "cannot read the " + role + " database " + file + ": " + e.getMessage() + "; " + hint);
    }
    if (header.length == 0) {
      throw new MigrationFailure(
          "the " + role + " " + file + " is an empty file, not a database; " + hint);
    }
    if (header.length < 20
        || !Arrays.equals(Arrays.copyOf(header, SQLITE_HEADER.length), SQLITE_HEADER)) {
      throw new MigrationFailure(
          "the " + role + " " + file + " is not a SQLite database (no SQLite header); " + hint);
    }
    return header[18] == 2 && header[19] == 2;
  }

  /**
   * What identifies the database behind this connection: the real path of a SQLite file; the
   * server, database and schema on PostgreSQL.
   */
  String identity() throws SQLException {
    Optional<Path> file = database.sqliteFile();
    if (file.isPresent()) {
      try {
        return "sqlite:" + file.get().toRealPath();
      } catch (IOException e) {
        return "sqlite:" + file.get();
      }
    }
    String server = null;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT system_identifier FROM pg_control_system()")) {
      server = rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      connection.rollback(); // not allowed to read it: fall back to the address
    }
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT coalesce(inet_server_addr()::text, 'local') || ':' || inet_server_port(),"
                    + " current_database(), current_schema()")) {
      rs.next();
      return "postgresql:"
          + (server != null ? server : rs.getString(1))
          + "/"
          + rs.getString(2)
          + "/"
          + rs.getString(3);
    }
  }

  @Override
  public void close() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // read only: there is nothing to keep or undo
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the driver frees it either way
    }
  }
}
