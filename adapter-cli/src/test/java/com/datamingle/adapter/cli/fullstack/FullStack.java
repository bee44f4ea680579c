package com.datamingle.adapter.cli.fullstack;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.bootstrap.DevTokens;
import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.bootstrap.ServeOptions;
import com.datamingle.adapter.cli.bootstrap.ServeWiring;
import com.datamingle.adapter.cli.bootstrap.ServiceRuntime;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.bootstrap.WarmUpBudget;
import com.datamingle.adapter.web.auth.DevSigningKey;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserNotFound;
import com.datamingle.domain.user.WorkOsSyncState;
import com.datamingle.domain.user.WorkOsUserId;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole service as {@code datamingle serve} builds it through the composition root ({@link
 * ServeWiring}), on 127.0.0.1 and a free port, over a migrated SQLite file or a PostgreSQL schema
 * of its own, with a {@link FakeWorkOs} for tokens, the user directory and webhooks. The only test
 * class that knows the wiring's methods.
 */
public record FullStack(
    FakeWorkOs workos,
    Http http,
    Path dir,
    Settings settings,
    ServiceRuntime runtime,
    PostgresTestDatabase postgres)
    implements AutoCloseable {
  /** The databases every full-stack check runs on. */
  public enum Database {
    SQLITE,
    POSTGRESQL
  }

  /** The service with a webhook secret ({@link FakeWorkOs#WEBHOOK_SECRET}). */
  public static FullStack start(Database database, Path dir) throws Exception {
    return start(database, dir, Map.of("WORKOS_WEBHOOK_SECRET", FakeWorkOs.WEBHOOK_SECRET));
  }

  /** The service with these environment variables besides the database and WorkOS's. */
  public static FullStack start(Database database, Path dir, Map<String, String> more)
      throws Exception {
    PostgresTestDatabase postgres =
        database == Database.POSTGRESQL ? PostgresTestDatabase.createIsolated() : null;
    return start(
        postgres != null ? postgres.postgresUrl() : "jdbc:sqlite:" + dir.resolve("db.sqlite"),
        postgres,
        dir,
        more);
  }

  /** The service on a database of the caller's (a server the test runs itself). */
  public static FullStack startOn(String databaseUrl, Path dir) throws Exception {
    return start(databaseUrl, null, dir, Map.of());
  }

  private static FullStack start(
      String databaseUrl, PostgresTestDatabase postgres, Path dir, Map<String, String> more)
      throws Exception {
    FakeWorkOs workos = new FakeWorkOs();
    try {
      Map<String, String> env = new HashMap<>(more);
      env.put("DATABASE_URL", databaseUrl);
      env.put("PORT", "0");
      env.put("BIND_ADDRESS", "127.0.0.1");
      env.put("WORKOS_API_KEY", FakeWorkOs.API_KEY);
      env.put("WORKOS_API_BASE_URL", workos.baseUrl().toString());
      env.put("WORKOS_ISSUERS", FakeWorkOs.ISSUER);
      env.put("WORKOS_JWKS_URL", workos.jwksUrl().toString());
      Settings settings = Settings.fromEnvironment(env);
      ServiceRuntime runtime =
          ServeWiring.serve(
              settings,
              new ServeOptions(
                  false,
                  true,
                  false,
                  dir.resolve("dev"),
                  null,
                  line -> {},
                  java.util.Set.of(),
                  WarmUpBudget.OFF),
              Clock.systemUTC());
      Http http = new Http("http://127.0.0.1:" + runtime.port());
      return new FullStack(workos, http, dir, settings, runtime, postgres);
    } catch (Exception | Error e) {
      workos.close();
      if (postgres != null) {
        postgres.close();
      }
      throw e;
    }
  }

  public int port() {
    return runtime.port();
  }

  /** A token for a WorkOS user whose email comes with it. */
  public String token(String sub, String email) {
    return workos.token(sub, email);
  }

  /** Signs this user in (GET /api/me answers 200) and returns their token. */
  public String signIn(String sub, String email) {
    String token = token(sub, email);
    if (http.get("/api/me", token).status() != 200) {
      throw new AssertionError("the sign-in of " + sub + " was refused");
    }
    return token;
  }

  /**
   * A token for an admin with this email, made an admin through the dev-token path before the
   * service has seen them (call it before any request of theirs).
   */
  public String admin(String email) {
    DevTokens.mint(
        settings,
        dir.resolve("dev"),
        new DevTokens.Request(List.of(email), null, null, true, Duration.ofMinutes(5)),
        Clock.systemUTC());
    return token(adminSubject(email), email);
  }

  /** The WorkOS user id of the admin {@link #admin} made. */
  public static String adminSubject(String email) {
    return DevSigningKey.subjectFor(email);
  }

  /** The user as the database holds it now (read by the admin use cases, not the service). */
  public Optional<User> user(String workosUserId) {
    try (AdminWiring.UserAdmin admin = AdminWiring.userAdmin(settings, Clock.systemUTC())) {
      return Optional.of(admin.getUser().getUser(UserReference.parse(workosUserId)));
    } catch (UserNotFound e) {
      return Optional.empty();
    }
  }

  /** What the sync store holds for this WorkOS user. */
  public Optional<WorkOsSyncState> syncState(String workosUserId) {
    try (AdminWiring.UserAdmin admin = AdminWiring.userAdmin(settings, Clock.systemUTC())) {
      return admin.persistence().syncStore().findState(new WorkOsUserId(workosUserId));
    }
  }

  /** The database's settings, for a second process over the same database. */
  public DatabaseSettings database() {
    return MigrationWiring.database(settings);
  }

  /**
   * Every row of the service's tables as text, read straight from the database: equal before and
   * after a request shows that the request changed nothing.
   */
  public String snapshot() {
    DatabaseSettings db = database();
    StringBuilder rows = new StringBuilder();
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement statement = connection.createStatement()) {
      for (String table : List.of("users", "workos_user_sync", "workos_events", "sync_cursors")) {
        rows.append(table).append(":\n");
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            for (int i = 1; i <= columns; i++) {
              rows.append(result.getString(i)).append(i < columns ? " | " : "\n");
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the tables: " + e.getMessage(), e);
    }
    return rows.toString();
  }

  @Override
  public void close() {
    try {
      runtime.close();
    } finally {
      workos.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
