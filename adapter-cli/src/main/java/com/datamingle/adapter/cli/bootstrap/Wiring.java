package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebDependencies;
import com.datamingle.adapter.web.WebModule;
import com.datamingle.adapter.web.WebServer;
import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.auth.DevSigningKey;
import com.datamingle.adapter.web.auth.JwksKeyStore;
import com.datamingle.adapter.web.auth.WorkOsTokenVerifier;
import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.adapter.web.workos.WorkOsEventsClient;
import com.datamingle.adapter.web.workos.WorkOsUserDirectory;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.GetUserUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.port.in.sync.PurgeDeletedUsersUseCase;
import com.datamingle.application.port.in.sync.SyncWorkOsEventsUseCase;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.application.service.ApplicationServices;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.autogen.Autogen;
import com.datamingle.migrations.autogen.DeclaredSchema;
import com.datamingle.migrations.autogen.SchemaDrift;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.schema.DatabaseOrigin;
import com.datamingle.migrations.scripts.ScriptSource;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The composition root: builds the object graph by hand, in dependency order. */
public final class Wiring {
  /** Where dev mode keeps its signing key: beside the SQLite file, in the working directory. */
  public static final Path DEV_DIR = Path.of(".datamingle-dev");

  private Wiring() {}

  public static DatabaseSettings database(Settings settings) {
    return DatabaseSettings.fromUrl(
        settings.databaseUrl(), settings.databasePoolSize(), settings.databaseUrlSource());
  }

  public static DatabaseMigrator migrator(Settings settings) {
    DatabaseSettings database = database(settings);
    MigrationTarget target =
        new MigrationTarget(database.jdbcUrl(), database.user(), database.password());
    return DatabaseMigrator.create(target, scripts(settings));
  }

  /**
   * The migration scripts: the folder of --migrations / DATAMINGLE_MIGRATIONS, or those packaged in
   * the jar.
   */
  public static ScriptSource scripts(Settings settings) {
    return settings.migrationsDir() == null
        ? ScriptSource.packaged()
        : ScriptSource.directory(settings.migrationsDir());
  }

  /**
   * The declared schema: the file of DATAMINGLE_SCHEMA, or the one packaged with the persistence
   * adapter.
   */
  public static DeclaredSchema declaredSchema(Settings settings) {
    try {
      String text;
      if (settings.schemaFile() != null) {
        text = java.nio.file.Files.readString(settings.schemaFile());
      } else {
        try (var in =
            PersistenceModule.class.getResourceAsStream(PersistenceModule.DECLARED_SCHEMA)) {
          if (in == null) {
            throw new ServiceRefused(
                "the declared schema is missing from this build; set DATAMINGLE_SCHEMA to its"
                    + " file");
          }
          text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      return DeclaredSchema.parse(text);
    } catch (java.io.IOException e) {
      throw new ServiceRefused(
          "cannot read the declared schema " + settings.schemaFile() + ": " + e.getMessage());
    }
  }

  /**
   * Autogenerate over the configured scripts, with a PostgreSQL for scratch schemas when one is
   * known.
   */
  public static Autogen autogen(Settings settings) {
    return new Autogen(scripts(settings), declaredSchema(settings), scratchServers(settings));
  }

  /**
   * The live schema against what migrations make (db drift, stamp's check, serve's start-up check).
   */
  public static SchemaDrift schemaDrift(Settings settings) {
    return new SchemaDrift(scripts(settings), scratchServers(settings));
  }

  /**
   * Where scratch schemas may be made: DATAMINGLE_DEV_POSTGRES_URL, else the PostgreSQL of
   * DATABASE_URL.
   */
  private static Map<Dialect, MigrationTarget> scratchServers(Settings settings) {
    Map<Dialect, MigrationTarget> scratch = new EnumMap<>(Dialect.class);
    DatabaseSettings database = database(settings);
    if (settings.devPostgresUrl() != null) {
      DatabaseSettings dev =
          DatabaseSettings.fromUrl(settings.devPostgresUrl(), 0, "DATAMINGLE_DEV_POSTGRES_URL");
      if (dev.dialect() != Dialect.POSTGRESQL) {
        throw new Settings.InvalidSettings(
            "DATAMINGLE_DEV_POSTGRES_URL must name a PostgreSQL database");
      }
      scratch.put(
          Dialect.POSTGRESQL, new MigrationTarget(dev.jdbcUrl(), dev.user(), dev.password()));
    } else if (database.dialect() == Dialect.POSTGRESQL) {
      scratch.put(
          Dialect.POSTGRESQL,
          new MigrationTarget(database.jdbcUrl(), database.user(), database.password()));
    }
    return scratch;
  }

  /** The admin use cases over the configured database, for operators' `users` commands. */
  public record UserAdmin(
      ListUsersUseCase listUsers,
      GetUserUseCase getUser,
      ChangeUserAccessUseCase changeUserAccess,
      SyncWorkOsEventsUseCase syncWorkOsEvents,
      PurgeDeletedUsersUseCase purgeDeletedUsers,
      PersistenceModule persistence)
      implements AutoCloseable {
    @Override
    public void close() {
      persistence.close();
    }
  }

  public static UserAdmin userAdmin(Settings settings, Clock clock) {
    DatabaseMigrator migrator = migrator(settings);
    refuseForeign(migrator, "use");
    if (!migrator.status().atHead()) {
      throw new ServiceRefused(
          "the database schema is not at head; run `datamingle db upgrade` first");
    }
    PersistenceModule persistence = PersistenceModule.open(database(settings), clock);
    ApplicationServices services =
        ApplicationServices.create(
            persistence.userRepository(),
            persistence.syncStore(),
            persistence.unitOfWork(),
            persistence.idGenerator(),
            id -> java.util.Optional.empty(),
            eventFeed(settings),
            clock);
    return new UserAdmin(
        services.listUsers(),
        services.getUser(),
        services.changeUserAccess(),
        services.syncWorkOsEvents(),
        services.purgeDeletedUsers(),
        persistence);
  }

  /** WorkOS's Events API with the API key; without a key, a feed that says how to configure one. */
  static WorkOsEventFeed eventFeed(Settings settings) {
    if (settings.workosApiKey() == null) {
      return (after, limit) -> {
        throw new ServiceRefused(
            "reading WorkOS events needs WORKOS_API_KEY; set it to the API key of the WorkOS"
                + " environment");
      };
    }
    return new WorkOsEventsClient(
        settings.apiBaseUrl(), settings.workosApiKey(), Duration.ofSeconds(10));
  }

  /**
   * How to serve: dev mode, whether to migrate first, whether to serve a drifted schema, and where
   * to print what happens.
   */
  public record ServeOptions(
      boolean dev,
      boolean migrate,
      boolean allowDrift,
      Path devDir,
      MigrationListener progress,
      Consumer<String> say) {}

  /** A database made by another tool is refused before anything reads its tables as ours. */
  private static void refuseForeign(DatabaseMigrator migrator, String action) {
    DatabaseOrigin origin = migrator.origin();
    if (origin.foreign()) {
      throw new ServiceRefused(
          "refusing to "
              + action
              + " "
              + migrator.target().describe()
              + ": it is a database "
              + origin.describe()
              + ", not one DataMingle made; "
              + DatabaseOrigin.wayIn());
    }
  }

  /**
   * Starts the service: checks the schema (migrating when asked), opens the pool, wires the
   * application and the web adapter, and starts listening.
   */
  public static ServiceRuntime serve(Settings settings, ServeOptions options, Clock clock) {
    if (options.dev() && settings.environment() == Settings.Environment.PRODUCTION) {
      throw new Settings.InvalidSettings(
          "--dev cannot run with DATAMINGLE_ENV=production; unset it for development");
    }
    DatabaseSettings database = database(settings);
    String bind =
        settings.bindAddress() != null
            ? settings.bindAddress()
            : options.dev() ? "127.0.0.1" : "0.0.0.0";
    requireFreePort(
        bind,
        settings
            .port()); // before anything is migrated: a server that cannot listen changes nothing
    DatabaseMigrator migrator = migrator(settings);
    refuseForeign(migrator, "serve");
    MigrationStatus status = migrator.status();
    if (!status.atHead()) {
      if (options.migrate() || options.dev()) {
        migrator.upgrade(null, options.progress());
      } else {
        throw new ServiceRefused(
            "the database schema is not at head ("
                + status.current().map(e -> "at " + e.label()).orElse("empty")
                + ", head is "
                + status.head().map(e -> e.label()).orElse("none")
                + "); run `datamingle db upgrade` first, or serve with --migrate");
      }
    }
    // the schema check runs while the pool, the keys and the web server are set up; serving waits
    // for it
    java.util.concurrent.CompletableFuture<String> driftCheck =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> driftAtStartUp(settings, migrator, options),
            task -> {
              Thread thread = new Thread(task, "datamingle-schema-check");
              thread.setDaemon(true);
              thread.start();
            });
    TokenSetup tokens =
        options.dev() ? devTokens(options.devDir(), clock) : workosTokens(settings, clock);
    PersistenceModule persistence = PersistenceModule.open(database, clock);
    try {
      WorkOsUserDirectory directory =
          new WorkOsUserDirectory(
              settings.apiBaseUrl(), settings.workosApiKey(), Duration.ofSeconds(3));
      ApplicationServices services =
          ApplicationServices.create(
              persistence.userRepository(),
              persistence.syncStore(),
              persistence.unitOfWork(),
              persistence.idGenerator(),
              directory,
              eventFeed(settings),
              clock);
      Metrics metrics =
          new Metrics()
              .gauge(
                  "datamingle_db_pool_active_connections",
                  "Connections in use",
                  () -> persistence.poolUsage().active())
              .gauge(
                  "datamingle_db_pool_idle_connections",
                  "Idle connections",
                  () -> persistence.poolUsage().idle())
              .gauge(
                  "datamingle_db_pool_max_connections",
                  "Pool size",
                  () -> persistence.poolUsage().max())
              .gauge(
                  "datamingle_db_pool_waiting_threads",
                  "Threads waiting for a connection",
                  () -> persistence.poolUsage().waiting())
              .counter("datamingle_jwks_fetches_total", "JWKS fetches", tokens.keys()::fetchCount)
              .counter(
                  "datamingle_jwks_fetch_failures_total",
                  "JWKS fetches that failed",
                  tokens.keys()::fetchFailureCount);
      String drift = outcome(driftCheck);
      Readiness readiness =
          () ->
              drift != null ? new Readiness.Status(false, drift) : readiness(persistence, migrator);
      WebDependencies deps =
          new WebDependencies(
              services.resolveSignIn(),
              services.updateMyProfile(),
              services.listUsers(),
              services.getUser(),
              services.changeUserAccess(),
              services.applyWorkOsEvent(),
              tokens.verifier(),
              readiness,
              metrics);
      WebSettings web =
          new WebSettings(
              settings.corsAllowedOrigins(),
              WebSettings.DEFAULT_MAX_REQUEST_BYTES,
              Duration.ofSeconds(15),
              tokens.devJwks(),
              settings.workosWebhookSecret());
      WebServer server = WebModule.create(deps, web).start(bind, settings.port());
      options
          .say()
          .accept(
              "datamingle listening on http://"
                  + bind
                  + ":"
                  + server.port()
                  + " ("
                  + settings.environment().name().toLowerCase(java.util.Locale.ROOT)
                  + "), database "
                  + database.describe()
                  + ", tokens from "
                  + tokens.description()
                  + (settings.workosWebhookSecret() == null
                      ? "; WorkOS webhooks refused until WORKOS_WEBHOOK_SECRET is set"
                      : "; WorkOS webhooks at /webhooks/workos"));
      return new ServiceRuntime(persistence, server);
    } catch (RuntimeException e) {
      persistence.close();
      throw e;
    }
  }

  /**
   * The start-up check that the live schema is what the applied migrations make (as `db drift`
   * does). Returns null when it is; with --allow-drift, the reason /ready gives; else refuses.
   */
  private static String driftAtStartUp(
      Settings settings, DatabaseMigrator migrator, ServeOptions options) {
    List<String> differences;
    try {
      differences = schemaDrift(settings).sinceApplied(migrator);
    } catch (com.datamingle.migrations.database.MigrationFailure e) {
      // on PostgreSQL the expected schema is built in a scratch schema, which needs CREATE on the
      // database
      options
          .say()
          .accept(
              "datamingle: WARNING the start-up schema check could not run ("
                  + e.getMessage()
                  + "); run `datamingle db drift` as a user who may create schemas, or set"
                  + " DATAMINGLE_DEV_POSTGRES_URL");
      return null;
    }
    if (differences.isEmpty()) {
      return null;
    }
    String shown =
        String.join("; ", differences.subList(0, Math.min(5, differences.size())))
            + (differences.size() > 5 ? "; and " + (differences.size() - 5) + " more" : "");
    String reason =
        "the live schema is not what its applied migrations make ("
            + differences.size()
            + " difference(s): "
            + shown
            + "); `datamingle db drift` lists them";
    if (!options.allowDrift()) {
      throw new ServiceRefused(
          "refusing to serve: "
              + reason
              + ". Fix the schema with a migration (or restore a backup),"
              + " or serve anyway with --allow-drift (/ready then answers 503)");
    }
    options
        .say()
        .accept(
            "datamingle: WARNING serving with --allow-drift: "
                + reason
                + "; /ready answers 503 until this is fixed");
    return reason;
  }

  /** The start-up check's result, or its refusal as thrown by the check itself. */
  private static String outcome(java.util.concurrent.CompletableFuture<String> check) {
    try {
      return check.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Binds the address once before the web server does, so that a busy port is one clear line (the
   * web server would log its own error first). Port 0 always binds.
   */
  private static void requireFreePort(String bind, int port) {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(bind, port));
    } catch (java.io.IOException | IllegalArgumentException | SecurityException e) {
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

  private record TokenSetup(
      WorkOsTokenVerifier verifier, JwksKeyStore keys, String devJwks, String description) {}

  private static TokenSetup devTokens(Path devDir, Clock clock) {
    DevSigningKey key = DevSigningKey.loadOrCreate(devDir);
    JwksKeyStore keys =
        new JwksKeyStore(
            key.jwksUrl(), Duration.ofSeconds(2), Duration.ofDays(1), Duration.ofSeconds(1), clock);
    WorkOsTokenVerifier verifier =
        new WorkOsTokenVerifier(keys, List.of(DevSigningKey.ISSUER), 30, clock);
    return new TokenSetup(
        verifier,
        keys,
        key.jwksJson(),
        "the dev signing key in "
            + devDir.toAbsolutePath()
            + " (issuer "
            + DevSigningKey.ISSUER
            + ")");
  }

  private static TokenSetup workosTokens(Settings settings, Clock clock) {
    List<String> issuers = settings.issuers();
    if (issuers.contains(DevSigningKey.ISSUER)) {
      throw new Settings.InvalidSettings(
          "WORKOS_ISSUERS names the dev issuer "
              + DevSigningKey.ISSUER
              + ", which only `serve --dev` may accept; remove it");
    }
    URL jwks;
    try {
      jwks = settings.jwksUrl().toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new Settings.InvalidSettings(
          "WORKOS_JWKS_URL is not a URL this service can fetch; give an https URL");
    }
    JwksKeyStore keys =
        new JwksKeyStore(
            jwks, Duration.ofSeconds(3), Duration.ofMinutes(10), Duration.ofSeconds(1), clock);
    WorkOsTokenVerifier verifier = new WorkOsTokenVerifier(keys, issuers, 30, clock);
    return new TokenSetup(
        verifier,
        keys,
        null,
        jwks.getProtocol()
            + "://"
            + jwks.getAuthority()
            + jwks.getPath()
            + " (issuers "
            + String.join(", ", issuers)
            + ")");
  }

  private static Readiness.Status readiness(
      PersistenceModule persistence, DatabaseMigrator migrator) {
    if (!persistence.ping()) {
      return new Readiness.Status(false, "the database does not answer");
    }
    try {
      MigrationStatus status = migrator.status();
      return status.atHead()
          ? new Readiness.Status(true, null)
          : new Readiness.Status(
              false, "the database schema is not at head; run `datamingle db upgrade`");
    } catch (RuntimeException e) {
      return new Readiness.Status(false, "the schema cannot be read");
    }
  }

  /** Dev access tokens, one per email, signed with one load of the dev key. */
  public static List<String> devTokens(
      Settings settings,
      Path devDir,
      List<String> emails,
      String firstName,
      String lastName,
      boolean admin,
      Duration ttl,
      Clock clock) {
    if (settings.environment() == Settings.Environment.PRODUCTION) {
      throw new Settings.InvalidSettings(
          "dev tokens cannot be made with DATAMINGLE_ENV=production");
    }
    DevSigningKey key = DevSigningKey.loadOrCreate(devDir);
    if (admin) {
      return emails.stream()
          .map(email -> devToken(settings, key, email, firstName, lastName, true, ttl, clock))
          .toList();
    }
    // signing is CPU work only: use every core (bulk tokens are for load tests)
    return emails.parallelStream()
        .map(email -> devToken(settings, key, email, firstName, lastName, false, ttl, clock))
        .toList();
  }

  /**
   * A dev access token for this email; with {@code admin}, the user is created now and made an
   * admin.
   */
  private static String devToken(
      Settings settings,
      DevSigningKey key,
      String email,
      String firstName,
      String lastName,
      boolean admin,
      Duration ttl,
      Clock clock) {
    Email address = new Email(email);
    PersonName first = PersonName.ofNullable(firstName);
    PersonName last = PersonName.ofNullable(lastName);
    DevSigningKey.DevToken token =
        key.mint(
            address.value(),
            first == null ? null : first.value(),
            last == null ? null : last.value(),
            ttl,
            clock);
    if (admin) {
      DatabaseMigrator migrator = migrator(settings);
      if (!migrator.status().atHead()) {
        migrator.upgrade(null, null);
      }
      try (PersistenceModule persistence = PersistenceModule.open(database(settings), clock)) {
        ApplicationServices services =
            ApplicationServices.create(
                persistence.userRepository(),
                persistence.syncStore(),
                persistence.unitOfWork(),
                persistence.idGenerator(),
                id -> java.util.Optional.empty(),
                eventFeed(settings),
                clock);
        User user =
            services
                .resolveSignIn()
                .resolveSignIn(
                    new ResolveSignInUseCase.Command(
                        new WorkOsUserId(token.subject()),
                        token.sessionId(),
                        new IdentityProfile(address, first, last, null)));
        services
            .changeUserAccess()
            .changeUserAccess(
                new ChangeUserAccessUseCase.Command(new UserReference.ById(user.id()), true, true));
      }
    }
    return token.token();
  }
}
