package com.datamingle.migrations.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Where the database is, read from {@code DATABASE_URL}. SQLite is the default, a file {@code
 * db.sqlite} in the working directory; PostgreSQL is chosen by the URL alone. Accepted: {@code
 * jdbc:sqlite:FILE}, {@code sqlite:///FILE}, {@code jdbc:postgresql://HOST:PORT/DB} and {@code
 * postgresql://USER:PASSWORD@HOST:PORT/DB} (also {@code postgres://}). The password is never part
 * of {@link #toString()} or of an error message.
 */
public record DatabaseSettings(
    Dialect dialect, String jdbcUrl, String user, String password, int maxPoolSize) {
  public static final String DEFAULT_URL = "jdbc:sqlite:db.sqlite";
  private static final String FORMS =
      "use jdbc:sqlite:FILE, sqlite:///FILE, postgresql://USER:PASSWORD@HOST:PORT/DB"
          + " or jdbc:postgresql://HOST:PORT/DB";

  public DatabaseSettings {
    if (maxPoolSize < 1) {
      throw new InvalidDatabaseUrl("the pool size must be at least 1");
    }
  }

  /** The database to migrate: the same URL and credentials, on connections of its own. */
  public MigrationTarget migrationTarget() {
    return new MigrationTarget(jdbcUrl, user, password);
  }

  /** {@code props} with this database's user and password added; see {@link MigrationTarget}. */
  public Properties withCredentials(Properties props) {
    return migrationTarget().withCredentials(props);
  }

  public static DatabaseSettings fromUrl(String url) {
    return fromUrl(url, 0);
  }

  /** Parses a DATABASE_URL; {@code poolSize} 0 picks the default for the vendor. */
  public static DatabaseSettings fromUrl(String url, int poolSize) {
    return fromUrl(url, poolSize, "DATABASE_URL");
  }

  /**
   * The same, with {@code source} naming where the URL came from in error messages: the variable
   * ({@code DATABASE_URL}) or the flag the operator typed ({@code --database-url}).
   */
  public static DatabaseSettings fromUrl(String url, int poolSize, String source) {
    String text = url == null || url.isBlank() ? DEFAULT_URL : url.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:")) {
      if (text.length() == "jdbc:sqlite:".length()) {
        throw new InvalidDatabaseUrl(source + " '" + text + "' names no SQLite file; " + FORMS);
      }
      return sqlite(text, poolSize);
    }
    if (lower.startsWith("sqlite:///")) {
      String path = text.substring("sqlite:///".length());
      if (path.isEmpty()) {
        throw new InvalidDatabaseUrl(source + " '" + text + "' names no SQLite file; " + FORMS);
      }
      return sqlite("jdbc:sqlite:" + path, poolSize);
    }
    if (lower.startsWith("jdbc:postgresql://")) {
      checkPort(text, text.substring("jdbc:postgresql://".length()), false, source);
      return new DatabaseSettings(
          Dialect.POSTGRESQL, text, null, null, Dialect.POSTGRESQL.poolSize(poolSize));
    }
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      checkPort(text, text.substring(text.indexOf("://") + 3), true, source);
      return postgres(text, poolSize, source);
    }
    throw new InvalidDatabaseUrl(
        source + " '" + redact(text) + "' is not a database URL this service knows; " + FORMS);
  }

  private static DatabaseSettings sqlite(String jdbcUrl, int poolSize) {
    return new DatabaseSettings(
        Dialect.SQLITE, jdbcUrl, null, null, Dialect.SQLITE.poolSize(poolSize));
  }

  /**
   * The port of {@code host:port} (after {@code scheme://}, before the path) must be a number from
   * 1 to 65535; java.net.URI would otherwise take a bad port for a URL that "names no host".
   */
  private static void checkPort(String url, String afterScheme, boolean userInfo, String source) {
    // the host starts after the last '@' of USER:PASSWORD@ (a password may hold '/' or ':'), and
    // ends at the path or query
    String hostPort =
        userInfo ? afterScheme.substring(afterScheme.lastIndexOf('@') + 1) : afterScheme;
    for (char c : new char[] {'/', '?', '#'}) {
      int i = hostPort.indexOf(c);
      if (i >= 0) {
        hostPort = hostPort.substring(0, i);
      }
    }
    String port;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      port =
          close >= 0 && hostPort.startsWith(":", close + 1) ? hostPort.substring(close + 2) : null;
    } else {
      port = hostPort.contains(":") ? hostPort.substring(hostPort.lastIndexOf(':') + 1) : null;
    }
    if (port == null) {
      return;
    }
    boolean number =
        port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65_535;
    if (!number) {
      throw new InvalidDatabaseUrl(
          source
              + " '"
              + redact(url)
              + "' has the port '"
              + port
              + "', which is not a port number; give a number from 1 to 65535 (PostgreSQL's is"
              + " 5432), e.g. postgresql://USER:PASSWORD@HOST:5432/DB");
    }
  }

  private static DatabaseSettings postgres(String text, int poolSize, String source) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidDatabaseUrl(
          source + " '" + redact(text) + "' is malformed (" + e.getReason() + "); " + FORMS);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidDatabaseUrl(source + " '" + redact(text) + "' names no host; " + FORMS);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.length() <= 1) {
      throw new InvalidDatabaseUrl(source + " '" + redact(text) + "' names no database; " + FORMS);
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    String jdbc =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + path
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new DatabaseSettings(
        Dialect.POSTGRESQL, jdbc, user, password, Dialect.POSTGRESQL.poolSize(poolSize));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The URL with any password replaced by {@code ***}. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(://[^:/@]*:)[^@]*@", "$1***@")
        .replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** Where the database is, with no secret: fit for a log line. */
  public String describe() {
    String url = redact(jdbcUrl);
    return user == null ? url : url + " (user " + user + ")";
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + dialect + " " + describe() + ", pool " + maxPoolSize + "]";
  }
}
