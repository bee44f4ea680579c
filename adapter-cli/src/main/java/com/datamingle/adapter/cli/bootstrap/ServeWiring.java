package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.Mappers;
import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebDependencies;
import com.datamingle.adapter.web.WebModule;
import com.datamingle.adapter.web.WebServer;
import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.client.workos.WorkOsUserDirectory;
import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.application.service.ApplicationServices;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationLint;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.lint.GateMessages;
import com.datamingle.migrations.lint.LintReport;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** The server's process: schema checks, the pool, the application and the web adapter. */
public final class ServeWiring {
  private ServeWiring() {}

  /**
   * Starts the service: checks the schema (migrating when asked), opens the pool, wires the
   * application and the web adapter, and starts listening. Closing the result stops it.
   */
  public static ServiceRuntime serve(Settings settings, ServeOptions options, Clock clock) {
    if (options.dev() && settings.environment() == Settings.Environment.PRODUCTION) {
      throw new Settings.InvalidSettings(
          "--dev cannot run with DATAMINGLE_ENV=production; unset it for development");
    }
    ServeWarmUp warmUp = ServeWarmUp.begin(options.warmUp(), clock);
    DatabaseSettings database = MigrationWiring.database(settings);
    String bind =
        settings.bindAddress() != null
            ? settings.bindAddress()
            : options.dev() ? "127.0.0.1" : "0.0.0.0";
    // before anything is migrated: a server that cannot listen changes nothing
    requireFreePort(bind, settings.port());
    // MyBatis's statements need no database: they are parsed on the second core while the schema
    // is checked (the larger part of opening the persistence module)
    InBackground<Mappers> mappers =
        InBackground.start("datamingle-mappers", () -> Mappers.parse(database));
    DatabaseMigrator migrator = MigrationWiring.migrator(settings);
    MigrationWiring.refuseForeign(migrator, "serve");
    bringToHead(migrator, MigrationWiring.scripts(settings), options);
    NewerSchema newerSchema = new NewerSchema(SchemaWiring.schemaCompatibility(settings), migrator);
    // the pool opens on the second core while the keys are set up; only now: opening the pool
    // changes a SQLite file (WAL), which a refused database must never see
    InBackground<PersistenceModule> opening =
        InBackground.start(
            "datamingle-open", () -> PersistenceModule.open(database, clock, mappers.join()));
    StartUpDriftCheck driftCheck;
    TokenWiring.TokenSetup tokens;
    try {
      driftCheck = StartUpDriftCheck.start(settings, migrator, newerSchema, options);
      tokens =
          options.dev()
              ? TokenWiring.devTokens(options.devDir(), clock)
              : TokenWiring.workosTokens(settings, clock);
    } catch (RuntimeException | Error e) {
      opening.discard(PersistenceModule::close);
      throw e;
    }
    PersistenceModule persistence = opening.join();
    Metrics metrics = null;
    try {
      WorkOsUserDirectory directory =
          new WorkOsUserDirectory(
              settings.apiBaseUrl(), settings.workosApiKey(), Duration.ofSeconds(3));
      ApplicationServices services =
          ApplicationWiring.services(persistence, directory, settings, clock);
      metrics = metrics(persistence, migrator, tokens, clock);
      String drift = driftCheck.outcome();
      Readiness readiness =
          warmUp.gate(
              () ->
                  drift != null
                      ? new Readiness.Status(false, drift)
                      : readiness(persistence, migrator, newerSchema));
      WebDependencies deps =
          ApplicationWiring.webDependencies(services, tokens.verifier(), readiness, metrics);
      WebSettings web =
          new WebSettings(
              settings.corsAllowedOrigins(),
              WebSettings.DEFAULT_MAX_REQUEST_BYTES,
              Duration.ofSeconds(15),
              tokens.devJwks(),
              settings.workosWebhookSecret());
      persistence.listenForChanges();
      WebServer server = WebModule.create(deps, web).start(bind, settings.port());
      warmUp.start(persistence, web, clock, () -> !server.isRunning());
      options
          .say()
          .accept(
              "datamingle listening on http://"
                  + bind
                  + ":"
                  + server.port()
                  + " ("
                  + settings.environment().name().toLowerCase(Locale.ROOT)
                  + "), database "
                  + database.describe()
                  + ", tokens from "
                  + tokens.description()
                  + (settings.workosWebhookSecret() == null
                      ? "; WorkOS webhooks refused until WORKOS_WEBHOOK_SECRET is set"
                      : "; WorkOS webhooks at /webhooks/workos"));
      return new ServiceRuntime(persistence, server, metrics);
    } catch (RuntimeException e) {
      persistence.close();
      if (metrics != null) {
        metrics.close();
      }
      throw e;
    }
  }

  /**
   * Refuses a schema behind head, unless asked to migrate (dev mode always migrates). With
   * --migrate, the lint gate of {@code db upgrade} runs first; dev mode alone (a local database)
   * shows its findings and migrates anyway. A schema newer than this build is judged by the
   * start-up check ({@link NewerSchema}).
   */
  private static void bringToHead(
      DatabaseMigrator migrator, ScriptSource scripts, ServeOptions options) {
    MigrationStatus status = migrator.status();
    if (status.atHead() || !status.newerThanScripts().isEmpty()) {
      return;
    }
    if (options.migrate()) {
      LintReport report =
          MigrationLint.requireSafe(migrator.target(), scripts, options.allowLint());
      GateMessages.notes(report, options.allowLint()).forEach(options.say());
    } else if (options.dev()) {
      LintReport report =
          MigrationLint.lint(
              migrator.target(), scripts, Set.of(migrator.target().dialect()), false);
      report.blocking().stream()
          .map(
              f ->
                  "lint: error "
                      + GateMessages.where(f)
                      + " (applied in dev mode; `db upgrade` and `serve --migrate` refuse it,"
                      + " `db lint` says why)")
          .forEach(options.say());
    }
    if (options.migrate() || options.dev()) {
      if (migrator.upgrade(null, options.progress()).ran().isEmpty()) {
        options
            .say()
            .accept(
                "datamingle: another process brought the schema to head while this one waited for"
                    + " the migration lock");
      }
      return;
    }
    throw new ServiceRefused(
        "the database schema is not at head ("
            + status.current().map(e -> "at " + e.label()).orElse("empty")
            + ", head is "
            + status.head().map(e -> e.label()).orElse("none")
            + "); run `datamingle db upgrade` first, or serve with --migrate");
  }

  /**
   * JVM and process meters, HikariCP's own pool meters, the schema, the WorkOS sync lag and the
   * JWKS fetches, beside the request meters the web adapter records.
   */
  private static Metrics metrics(
      PersistenceModule persistence,
      DatabaseMigrator migrator,
      TokenWiring.TokenSetup tokens,
      Clock clock) {
    Metrics metrics = new Metrics().jvmAndProcess();
    persistence.publishPoolMetrics(metrics.registry());
    SchemaGauges.register(metrics, migrator, clock);
    SyncLagGauge.register(metrics, persistence.syncStore(), clock);
    return metrics
        .counter("datamingle_jwks_fetches_total", "JWKS fetches", tokens.keys()::fetchCount)
        .counter(
            "datamingle_jwks_fetch_failures_total",
            "JWKS fetches that failed",
            tokens.keys()::fetchFailureCount);
  }

  /**
   * Binds the address once before the web server does, so that a busy port is one clear line (the
   * web server would log its own error first). Port 0 always binds.
   */
  private static void requireFreePort(String bind, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(bind, port));
    } catch (IOException | IllegalArgumentException | SecurityException e) {
      throw new WebServer.CannotListen(
          "cannot listen on "
              + bind
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); choose another port with --port or PORT, or another address with"
              + " --bind-address");
    }
  }

  private static Readiness.Status readiness(
      PersistenceModule persistence, DatabaseMigrator migrator, NewerSchema newerSchema) {
    if (!persistence.ping()) {
      return new Readiness.Status(false, "the database does not answer");
    }
    try {
      MigrationStatus status = migrator.status();
      String invalidation = "invalidation: " + persistence.invalidation();
      if (status.atHead()) {
        return new Readiness.Status(true, invalidation);
      }
      return newerSchema
          .judge(status, false)
          .map(
              v ->
                  new Readiness.Status(
                      v.additive(),
                      v.additive() ? v.readyDetail() + "; " + invalidation : v.readyDetail()))
          .orElse(
              new Readiness.Status(
                  false, "the database schema is not at head; run `datamingle db upgrade`"));
    } catch (RuntimeException e) {
      return new Readiness.Status(false, "the schema cannot be read");
    }
  }
}
