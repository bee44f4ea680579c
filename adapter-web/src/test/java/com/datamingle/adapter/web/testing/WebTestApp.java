package com.datamingle.adapter.web.testing;

import com.datamingle.adapter.persistence.DatabaseSettings;
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
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationTarget;
import com.datamingle.migrations.ScriptSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The web adapter over the real application services and a SQLite file migrated by the real
 * scripts, verifying tokens against a local JWKS; the WorkOS directory is a fake.
 */
public final class WebTestApp implements AutoCloseable {
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

  public WebTestApp(Path dir, WebSettings settings) throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("db.sqlite");
    DatabaseMigrator.create(new MigrationTarget(url, null, null), ScriptSource.packaged()).upgrade(null, null);
    persistence = PersistenceModule.open(DatabaseSettings.fromUrl(url), Clock.systemUTC());
    users = new CountingUserRepository(persistence.userRepository());
    services = ApplicationServices.create(users, persistence.unitOfWork(), persistence.idGenerator(), directory, Clock.systemUTC());
    jwks = new JwksServer(keys);
    keyStore = new JwksKeyStore(jwks.url(), Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(5), Clock.systemUTC());
    metrics.counter("datamingle_jwks_fetches_total", "JWKS fetches", keyStore::fetchCount);
    WorkOsTokenVerifier verifier = new WorkOsTokenVerifier(keyStore, List.of(TestKeys.ISSUER), 30, Clock.systemUTC());
    WebDependencies deps = new WebDependencies(services.resolveSignIn(), services.updateMyProfile(), services.listUsers(),
        services.getUser(), services.changeUserAccess(), verifier, () -> readiness, metrics);
    server = WebModule.create(deps, settings);
  }

  /** A token for a WorkOS user whose email comes with it (a JWT template). */
  public String token(String sub, String email) {
    return keys.token(sub, Instant.now(), b -> b.withClaim(WorkOsTokenVerifier.CLAIM_EMAIL, email));
  }

  @Override
  public void close() {
    jwks.close();
    persistence.close();
  }
}
