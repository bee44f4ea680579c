package com.datamingle.adapter.web.testing;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebDependencies;
import com.datamingle.adapter.web.WebModule;
import com.datamingle.adapter.web.WebServer;
import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.auth.JwksKeyStore;
import com.datamingle.adapter.web.auth.WorkOsTokenVerifier;
import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.application.service.ApplicationServices;
import com.datamingle.application.testing.FakeIdentityProviderDirectory;
import com.datamingle.application.testing.FakeWorkOsEventFeed;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The web adapter over the real application services and a database (a SQLite file unless told
 * otherwise) migrated by the real scripts, verifying tokens against a local JWKS; the WorkOS
 * directory and Events API are fakes.
 */
public final class WebTestApp implements AutoCloseable {
  /** The webhook secret tests sign with (a fake WorkOS sender). */
  public static final String WEBHOOK_SECRET = "whsec_test_0123456789";

  public final TestKeys keys = new TestKeys("k1");
  public final JwksServer jwks;
  public final PersistenceModule persistence;
  public final CountingUserRepository users;
  public final FakeIdentityProviderDirectory directory = new FakeIdentityProviderDirectory();
  public final ApplicationServices services;
  public final Metrics metrics = new Metrics();
  public final JwksKeyStore keyStore;
  public volatile Readiness.Status readiness = new Readiness.Status(true, null);
  public final WebServer server;
  private PostgresTestDatabase ownedDatabase;
  private Connection snapshotConnection;

  public WebTestApp(Path dir, WebSettings settings) throws Exception {
    this(DatabaseSettings.fromUrl("jdbc:sqlite:" + dir.resolve("db.sqlite")), settings);
  }

  /** Over a PostgreSQL schema of its own, dropped by {@link #close()}. */
  public static WebTestApp onIsolatedPostgres(WebSettings settings) throws Exception {
    PostgresTestDatabase database = PostgresTestDatabase.createIsolated();
    try {
      WebTestApp app =
          new WebTestApp(
              new DatabaseSettings(
                  Dialect.POSTGRESQL, database.jdbcUrl(), database.user(), database.password(), 10),
              settings);
      app.ownedDatabase = database;
      return app;
    } catch (Exception | Error e) {
      database.close();
      throw e;
    }
  }

  /** Over any database (migrated here to head), e.g. a PostgreSQL schema of a test's own. */
  public WebTestApp(DatabaseSettings database, WebSettings settings) throws Exception {
    DatabaseMigrator.create(
            new MigrationTarget(database.jdbcUrl(), database.user(), database.password()),
            ScriptSource.packaged())
        .upgrade(null, null);
    persistence = PersistenceModule.open(database, Clock.systemUTC());
    users = new CountingUserRepository(persistence.userRepository());
    services =
        ApplicationServices.create(
            users,
            persistence.syncStore(),
            persistence.unitOfWork(),
            persistence.idGenerator(),
            directory,
            new FakeWorkOsEventFeed(),
            Clock.systemUTC());
    jwks = new JwksServer(keys);
    keyStore =
        new JwksKeyStore(
            jwks.url(),
            Duration.ofSeconds(2),
            Duration.ofMinutes(10),
            Duration.ofSeconds(1),
            Clock.systemUTC());
    metrics.counter("datamingle_jwks_fetches_total", "JWKS fetches", keyStore::fetchCount);
    WorkOsTokenVerifier verifier =
        new WorkOsTokenVerifier(keyStore, List.of(TestKeys.ISSUER), 30, Clock.systemUTC());
    WebDependencies deps =
        new WebDependencies(
            services.resolveSignIn(),
            services.updateMyProfile(),
            services.listUsers(),
            services.getUser(),
            services.changeUserAccess(),
            services.applyWorkOsEvent(),
            verifier,
            () -> readiness,
            metrics);
    server = WebModule.create(deps, settings);
  }

  /**
   * Every row of the service's tables as text, read straight from the database (not through the
   * user cache): equal before and after a request shows that the request changed nothing.
   */
  public synchronized String snapshot() {
    StringBuilder rows = new StringBuilder();
    try {
      if (snapshotConnection == null) {
        DatabaseSettings db = persistence.settings();
        snapshotConnection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        snapshotConnection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to read the tables: " + e.getMessage(), e);
    }
    try (Statement statement = snapshotConnection.createStatement()) {
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

  /** A token for a WorkOS user whose email comes with it (a JWT template). */
  public String token(String sub, String email) {
    return keys.token(sub, Instant.now(), b -> b.withClaim(WorkOsTokenVerifier.CLAIM_EMAIL, email));
  }

  @Override
  public void close() {
    if (snapshotConnection != null) {
      try {
        snapshotConnection.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
    jwks.close();
    persistence.close();
    if (ownedDatabase != null) {
      ownedDatabase.close();
    }
  }
}
