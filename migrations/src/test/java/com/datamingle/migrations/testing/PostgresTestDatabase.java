package com.datamingle.migrations.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the real PostgreSQL, for one test class: created on open, dropped on
 * close, so parallel and repeated runs never collide. The server comes from {@code
 * DATAMINGLE_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), user
 * {@code DATAMINGLE_TEST_POSTGRES_USER} (default {@code postgres}) and {@code
 * DATAMINGLE_TEST_POSTGRES_PASSWORD}. When no server answers the tests are skipped with a loud
 * message, except with {@code CI=true}, where that is a failure.
 */
public final class PostgresTestDatabase implements AutoCloseable {
  private final String serverUrl;
  private final String user;
  private final String password;
  private final String schema;

  private PostgresTestDatabase(String serverUrl, String user, String password, String schema) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.schema = schema;
  }

  public static PostgresTestDatabase createIsolated() {
    String url =
        firstNonBlank(
            System.getenv("DATAMINGLE_TEST_POSTGRES_URL"),
            System.getenv("DATAMINGLE_TEST_POSTGRES_URL_DEFAULT"),
            "jdbc:postgresql://127.0.0.1:5432/test");
    String user = firstNonBlank(System.getenv("DATAMINGLE_TEST_POSTGRES_USER"), "postgres");
    String password =
        Objects.requireNonNullElse(System.getenv("DATAMINGLE_TEST_POSTGRES_PASSWORD"), "");
    String schema = "dm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    PostgresTestDatabase db = new PostgresTestDatabase(url, user, password, schema);
    try (Connection c = db.connect(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String message =
          "PostgreSQL at " + url + " (user " + user + ") is not reachable: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(
            message
                + ". CI=true requires the PostgreSQL tests to run: start the server"
                + " (pg_ctlcluster <version> main start) or set DATAMINGLE_TEST_POSTGRES_URL.");
      }
      System.err.println();
      System.err.println(
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      System.err.println("!! SKIPPING PostgreSQL tests: " + message);
      System.err.println(
          "!! Start PostgreSQL or set DATAMINGLE_TEST_POSTGRES_URL; CI=true makes this a failure.");
      System.err.println(
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      Assumptions.abort("PostgreSQL not reachable: " + message);
    }
    return db;
  }

  /** A JDBC URL that puts everything in this test's schema. */
  public String jdbcUrl() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * The same database and schema as a {@code postgresql://user:pass@host:port/db} URL, the form of
   * a DATABASE_URL.
   */
  public String postgresUrl() {
    String jdbc = jdbcUrl();
    return "postgresql://"
        + user
        + (password.isEmpty() ? "" : ":" + password)
        + "@"
        + jdbc.substring("jdbc:postgresql://".length());
  }

  public String schema() {
    return schema;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password.isEmpty() ? null : password;
  }

  public Connection connect() throws SQLException {
    return connect(jdbcUrl());
  }

  private Connection connect(String url) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(url, props);
  }

  @Override
  public void close() {
    try (Connection c = connect(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
    } catch (SQLException e) {
      System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
