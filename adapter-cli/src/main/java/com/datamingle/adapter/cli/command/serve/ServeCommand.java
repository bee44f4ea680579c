package com.datamingle.adapter.cli.command.serve;

import com.datamingle.adapter.cli.bootstrap.DevTokens;
import com.datamingle.adapter.cli.bootstrap.ServeOptions;
import com.datamingle.adapter.cli.bootstrap.ServeWiring;
import com.datamingle.adapter.cli.bootstrap.ServiceRuntime;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.GlobalOptions;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Subcommand;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datamingle serve}: the HTTP API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the HTTP API. Refuses to start when the schema is behind head, unless --migrate.",
      "On SIGTERM or Ctrl-C, lets in-flight requests finish, then exits 0.",
      "Every option can also be set by the environment variable named in its description."
    })
public final class ServeCommand extends Subcommand {

  @Option(
      names = "--dev",
      description =
          "Development mode: SQLite migrated automatically, tokens from `datamingle dev token` (a"
              + " local signing key in .datamingle-dev/), no WorkOS account needed. Refused with"
              + " DATAMINGLE_ENV=production.")
  boolean dev;

  @Option(names = "--migrate", description = "Apply pending migrations before serving.")
  boolean migrate;

  @Option(
      names = "--allow-drift",
      description = {
        "Serve even when the live schema is not what its applied migrations make",
        "(checked once at start-up, as `db drift` does); /ready then answers 503 with the"
            + " differences."
      })
  boolean allowDrift;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "PORT; default 8080 (0 picks a free port).")
  String port;

  @Option(
      names = "--bind-address",
      paramLabel = "ADDRESS",
      description = "BIND_ADDRESS; default 0.0.0.0, or 127.0.0.1 with --dev.")
  String bindAddress;

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "DATAMINGLE_ENV: development (default) or production.")
  String environment;

  @Option(names = "--workos-client-id", paramLabel = "ID", description = "WORKOS_CLIENT_ID.")
  String clientId;

  @Option(
      names = "--workos-api-key",
      paramLabel = "KEY",
      description = "WORKOS_API_KEY (prefer the variable: a flag shows in the process list).")
  String apiKey;

  @Option(
      names = "--workos-issuers",
      paramLabel = "LIST",
      description =
          "WORKOS_ISSUERS, comma-separated; default: the two issuer shapes of the client id.")
  String issuers;

  @Option(
      names = "--workos-jwks-url",
      paramLabel = "URL",
      description = "WORKOS_JWKS_URL; default <api base>/sso/jwks/<client id>.")
  String jwksUrl;

  @Option(
      names = "--workos-api-base-url",
      paramLabel = "URL",
      description = "WORKOS_API_BASE_URL; default https://api.workos.com.")
  String apiBaseUrl;

  @Option(
      names = "--cors-allowed-origins",
      paramLabel = "LIST",
      description = "CORS_ALLOWED_ORIGINS, comma-separated browser origins.")
  String corsOrigins;

  @Override
  public Integer call() {
    GlobalOptions root = context.global();
    Map<String, String> env = new HashMap<>(root.effectiveEnvironment());
    Map<String, String> flags = new HashMap<>(root.flags());
    put(env, flags, "PORT", "--port", port);
    put(env, flags, "BIND_ADDRESS", "--bind-address", bindAddress);
    put(env, flags, "DATAMINGLE_ENV", "--env", environment);
    put(env, flags, "WORKOS_CLIENT_ID", "--workos-client-id", clientId);
    put(env, flags, "WORKOS_API_KEY", "--workos-api-key", apiKey);
    put(env, flags, "WORKOS_ISSUERS", "--workos-issuers", issuers);
    put(env, flags, "WORKOS_JWKS_URL", "--workos-jwks-url", jwksUrl);
    put(env, flags, "WORKOS_API_BASE_URL", "--workos-api-base-url", apiBaseUrl);
    put(env, flags, "CORS_ALLOWED_ORIGINS", "--cors-allowed-origins", corsOrigins);
    Settings settings = Settings.fromEnvironment(env, flags);
    PrintWriter err = context.err();
    if (dev && settings.environment() != Settings.Environment.PRODUCTION) {
      err.println(
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      err.println(
          "!! DEVELOPMENT MODE: accepting tokens from `datamingle dev token`, signed by a local"
              + " key.");
      err.println(
          "!! Never expose this server; production refuses --dev (DATAMINGLE_ENV=production).");
      err.println(
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      err.flush();
    }
    ServiceRuntime runtime =
        ServeWiring.serve(
            settings,
            new ServeOptions(
                dev,
                migrate,
                allowDrift,
                DevTokens.DEV_DIR,
                MigrationText.progress(err),
                line -> {
                  err.println(line);
                  err.flush();
                }),
            Clock.systemUTC());
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopping.compareAndSet(false, true)) {
            err.println("datamingle: stopping (in-flight requests may finish)");
            err.flush();
            runtime.close();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "datamingle-shutdown"));
    CountDownLatch stopRequested = new CountDownLatch(1);
    if (!StopSignals.install(stopRequested::countDown)) {
      return ExitCode.KEEP_RUNNING; // the shutdown hook drains; the exit code is the JVM's
    }
    awaitUninterruptibly(stopRequested);
    stop.run();
    err.println("datamingle: stopped");
    err.flush();
    return ExitCode.OK;
  }

  /** SIGTERM or SIGINT: the requests in flight finish, then serve exits 0. */
  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A flag overrides its variable; errors about the value then name the flag. */
  private static void put(
      Map<String, String> env, Map<String, String> flags, String name, String flag, String value) {
    if (value != null) {
      env.put(name, value);
      flags.put(name, flag);
    }
  }
}
