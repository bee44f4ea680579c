package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.database.ApplyLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed configuration, read from environment variables; command-line flags override them by setting
 * the same names. No globals: tests build it directly. {@link #toString()} never shows the WorkOS
 * API key or a database password.
 *
 * @param databaseUrl {@code DATABASE_URL}; null means the SQLite default {@code db.sqlite}
 * @param migrationsDir {@code DATAMINGLE_MIGRATIONS}; null means the scripts packaged in the jar
 * @param schemaFile {@code DATAMINGLE_SCHEMA}: the declared schema file; null means the one
 *     packaged in the jar
 * @param workosWebhookSecret {@code WORKOS_WEBHOOK_SECRET}: what WorkOS signs webhooks with; null
 *     refuses webhooks
 * @param devPostgresUrl {@code DATAMINGLE_DEV_POSTGRES_URL}: a PostgreSQL where `db migrate` may
 *     make scratch schemas
 * @param databasePoolSize {@code DATABASE_POOL_SIZE}: connections the server may hold; 0 means the
 *     database's default
 * @param backupDir {@code DATAMINGLE_BACKUP_DIR}: where PostgreSQL backups go when no file is
 *     named; null means the working directory
 * @param backupKeep {@code DATAMINGLE_BACKUP_KEEP}: how many automatic backups of a database to
 *     keep; 0 keeps them all
 * @param databaseUrlSource what to call the database URL in messages: {@code DATABASE_URL} or the
 *     flag it came from
 * @param applyLimits each migration's lock and statement timeouts and retries ({@link
 *     ApplyLimitSettings})
 */
public record Settings(
    String databaseUrl,
    Path migrationsDir,
    Environment environment,
    int port,
    String bindAddress,
    String workosClientId,
    String workosApiKey,
    String workosWebhookSecret,
    List<String> workosIssuers,
    URI workosJwksUrl,
    URI workosApiBaseUrl,
    List<String> corsAllowedOrigins,
    Path schemaFile,
    String devPostgresUrl,
    int databasePoolSize,
    Path backupDir,
    int backupKeep,
    String databaseUrlSource,
    ApplyLimits applyLimits) {

  public static final URI DEFAULT_WORKOS_API = URI.create("https://api.workos.com");

  /**
   * How many automatic backups (taken before downgrade, reset-db, restore, upgrade --backup) are
   * kept by default.
   */
  public static final int DEFAULT_BACKUP_KEEP = 10;

  /** The most connections DATABASE_POOL_SIZE may ask for. */
  public static final int MAX_POOL_SIZE = 500;

  /** {@code DATAMINGLE_ENV}: production forbids dev mode and guards destructive commands. */
  public enum Environment {
    DEVELOPMENT,
    PRODUCTION
  }

  public Settings {
    workosIssuers = List.copyOf(workosIssuers);
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
  }

  public static Settings fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, Map.of());
  }

  /**
   * The same, where some values came from command-line flags: {@code flags} maps a variable name to
   * the flag that set it (e.g. PORT to --port), so that an error names what the operator typed.
   */
  public static Settings fromEnvironment(Map<String, String> env, Map<String, String> flags) {
    LogFormat.check(env);
    String migrations = value(env, "DATAMINGLE_MIGRATIONS");
    return new Settings(
        value(env, "DATABASE_URL"),
        migrations == null ? null : Path.of(migrations),
        environment(
            flags.getOrDefault("DATAMINGLE_ENV", "DATAMINGLE_ENV"), value(env, "DATAMINGLE_ENV")),
        port(flags.getOrDefault("PORT", "PORT"), value(env, "PORT")),
        value(env, "BIND_ADDRESS"),
        value(env, "WORKOS_CLIENT_ID"),
        value(env, "WORKOS_API_KEY"),
        value(env, "WORKOS_WEBHOOK_SECRET"),
        list(value(env, "WORKOS_ISSUERS")),
        url(
            flags.getOrDefault("WORKOS_JWKS_URL", "WORKOS_JWKS_URL"),
            value(env, "WORKOS_JWKS_URL")),
        url(
            flags.getOrDefault("WORKOS_API_BASE_URL", "WORKOS_API_BASE_URL"),
            value(env, "WORKOS_API_BASE_URL")),
        list(value(env, "CORS_ALLOWED_ORIGINS")),
        value(env, "DATAMINGLE_SCHEMA") == null ? null : Path.of(value(env, "DATAMINGLE_SCHEMA")),
        value(env, "DATAMINGLE_DEV_POSTGRES_URL"),
        poolSize(value(env, "DATABASE_POOL_SIZE")),
        value(env, "DATAMINGLE_BACKUP_DIR") == null
            ? null
            : Path.of(value(env, "DATAMINGLE_BACKUP_DIR")),
        backupKeep(value(env, "DATAMINGLE_BACKUP_KEEP")),
        flags.getOrDefault("DATABASE_URL", "DATABASE_URL"),
        ApplyLimitSettings.read(env, flags));
  }

  /** Where a backup goes when no file is named (a SQLite backup goes beside the database file). */
  public Path backupDirOrWorkingDir() {
    return (backupDir == null ? Path.of("") : backupDir).toAbsolutePath();
  }

  /**
   * The WorkOS API, the default or the configured one (a custom auth domain, or a local fake in
   * tests).
   */
  public URI apiBaseUrl() {
    return workosApiBaseUrl == null ? DEFAULT_WORKOS_API : workosApiBaseUrl;
  }

  /** The JWKS URL: configured, or {@code <api>/sso/jwks/<client id>}. */
  public URI jwksUrl() {
    if (workosJwksUrl != null) {
      return workosJwksUrl;
    }
    if (workosClientId == null) {
      throw new InvalidSettings(
          "set WORKOS_CLIENT_ID (or WORKOS_JWKS_URL) so tokens can be verified,"
              + " or run `datamingle serve --dev` to try the service without WorkOS");
    }
    return URI.create(
        apiBaseUrl().toString().replaceAll("/+$", "") + "/sso/jwks/" + workosClientId);
  }

  /** The accepted issuers: configured, or the two shapes WorkOS mints for this client. */
  public List<String> issuers() {
    if (!workosIssuers.isEmpty()) {
      return workosIssuers;
    }
    if (workosClientId == null) {
      throw new InvalidSettings(
          "set WORKOS_CLIENT_ID or WORKOS_ISSUERS so token issuers can be pinned");
    }
    String base = apiBaseUrl().toString().replaceAll("/+$", "");
    return List.of(base + "/user_management/" + workosClientId, base);
  }

  @Override
  public String toString() {
    return "Settings[env="
        + environment
        + ", pool="
        + (databasePoolSize == 0 ? "default" : databasePoolSize)
        + ", port="
        + port
        + ", bind="
        + bindAddress
        + ", workosClientId="
        + workosClientId
        + ", workosApiKey="
        + (workosApiKey == null ? "unset" : "***")
        + ", workosWebhookSecret="
        + (workosWebhookSecret == null ? "unset" : "***")
        + ", issuers="
        + workosIssuers
        + ", jwks="
        + workosJwksUrl
        + ", api="
        + workosApiBaseUrl
        + ", cors="
        + corsAllowedOrigins
        + "]";
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Environment environment(String name, String text) {
    if (text == null) {
      return Environment.DEVELOPMENT;
    }
    try {
      return Environment.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettings(name + " is '" + text + "'; use development or production");
    }
  }

  private static int backupKeep(String text) {
    if (text == null) {
      return DEFAULT_BACKUP_KEEP;
    }
    try {
      int keep = Integer.parseInt(text);
      if (keep < 0) {
        throw new NumberFormatException();
      }
      return keep;
    } catch (NumberFormatException e) {
      throw new InvalidSettings(
          "DATAMINGLE_BACKUP_KEEP is '"
              + text
              + "'; use how many automatic backups to keep (default "
              + DEFAULT_BACKUP_KEEP
              + "), or 0 to keep them all");
    }
  }

  private static int port(String name, String text) {
    if (text == null) {
      return 8080;
    }
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65_535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new InvalidSettings(
          name + " is '" + text + "'; use a number from 0 to 65535 (0 picks a free port)");
    }
  }

  private static int poolSize(String text) {
    if (text == null) {
      return 0;
    }
    try {
      int size = Integer.parseInt(text);
      if (size < 1 || size > MAX_POOL_SIZE) {
        throw new NumberFormatException();
      }
      return size;
    } catch (NumberFormatException e) {
      throw new InvalidSettings(
          "DATABASE_POOL_SIZE is '"
              + text
              + "'; use a whole number from 1 to "
              + MAX_POOL_SIZE
              + ", or unset it for the default (10 connections on PostgreSQL, 4 on SQLite)");
    }
  }

  private static List<String> list(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static URI url(String name, String text) {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http") || scheme.equals("file"))
          || !uri.isAbsolute()) {
        throw new URISyntaxException(text, "not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidSettings(
          name + " is not an absolute https URL; give one such as https://api.workos.com");
    }
  }

  /**
   * A configuration value that cannot be used; the message names it and says what to put instead.
   */
  public static final class InvalidSettings extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSettings(String message) {
      super(message);
    }
  }
}
