package com.datamingle.adapter.cli.instances;

import com.datamingle.adapter.cli.PackagedJar;
import com.datamingle.adapter.cli.bootstrap.DevTokens;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.adapter.web.auth.DevSigningKey;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several real {@code datamingle serve} processes of the packaged jar (not threads in this JVM) on
 * one PostgreSQL schema of their own, with one {@link FakeWorkOs} for tokens, the user directory
 * and webhooks: a token from {@link #token} is accepted by every instance. Each instance gets a
 * free port and log files under {@code target/serve-instances/SCHEMA/}. Closing stops every
 * instance (SIGTERM, then a kill), the fake and the schema.
 *
 * <pre>{@code
 * try (ServeInstances cluster = ServeInstances.onPostgres()) {
 *   List<ServeInstance> up = cluster.startReady(3, "serve", "--migrate");
 *   String token = cluster.token("user_01A", "a@example.com");
 *   assertThat(up.get(1).get("/api/me", token).status()).isEqualTo(200);
 *   assertThat(cluster.cli("users", "deactivate", "a@example.com").exitCode()).isZero();
 * }
 * }</pre>
 *
 * Runs as a failsafe IT (it needs {@code target/datamingle.jar}; see {@link PackagedJar}).
 */
public final class ServeInstances implements AutoCloseable {
  /** How long close() waits after SIGTERM before it kills an instance. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final PostgresTestDatabase postgres;
  private final FakeWorkOs workos;
  private final Path logDir;
  private final Map<String, String> env = new HashMap<>();
  private final List<ServeInstance> instances = new CopyOnWriteArrayList<>();

  private ServeInstances(PostgresTestDatabase postgres, FakeWorkOs workos, Path logDir) {
    this.postgres = postgres;
    this.workos = workos;
    this.logDir = logDir;
    env.put("DATABASE_URL", postgres.postgresUrl());
    env.put("BIND_ADDRESS", "127.0.0.1");
    env.put("WORKOS_CLIENT_ID", "client_TEST");
    env.put("WORKOS_API_KEY", FakeWorkOs.API_KEY);
    env.put("WORKOS_ISSUERS", FakeWorkOs.ISSUER);
    env.put("WORKOS_JWKS_URL", workos.jwksUrl().toString());
    env.put("WORKOS_API_BASE_URL", workos.baseUrl().toString());
    env.put("WORKOS_WEBHOOK_SECRET", FakeWorkOs.WEBHOOK_SECRET);
    env.put("DATAMINGLE_BACKUP_DIR", logDir.toAbsolutePath().toString());
    // serve's default (auto) warms each instance up for up to 8 s; several instances share two
    // cores here, so a short fixed warm-up keeps it in the path of every start without the wait
    env.put("DATAMINGLE_WARMUP", "2s");
  }

  /** A fresh PostgreSQL schema of its own and a fake WorkOS; no instance runs yet. */
  public static ServeInstances onPostgres() {
    PostgresTestDatabase postgres = PostgresTestDatabase.createIsolated();
    try {
      Path logDir =
          Files.createDirectories(Path.of("target", "serve-instances", postgres.schema()));
      return new ServeInstances(postgres, new FakeWorkOs(), logDir);
    } catch (IOException | RuntimeException e) {
      postgres.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /**
   * Sets (or, with null, removes) a variable for every instance and CLI run started from now on,
   * e.g. {@code DATAMINGLE_MIGRATIONS} for older code's scripts folder.
   */
  public ServeInstances env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  /** The environment instances and CLI runs get (DATABASE_URL, WorkOS's, ...), a copy. */
  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  /**
   * Launches {@code count} instances at once with these arguments (e.g. "serve", "--migrate") and
   * waits until each answers {@code /ready} 200.
   */
  public List<ServeInstance> startReady(int count, String... args) {
    List<ServeInstance> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      started.add(start(Map.of(), args));
    }
    started.forEach(ServeInstance::awaitReady);
    return started;
  }

  /** Launches one instance with these arguments without waiting (see awaitReady / awaitExit). */
  public ServeInstance start(String... args) {
    return start(Map.of(), args);
  }

  /** Launches one instance with extra variables (over the shared ones) without waiting. */
  public ServeInstance start(Map<String, String> extraEnv, String... args) {
    String name = "instance-" + (instances.size() + 1);
    int port = freePort();
    Map<String, String> variables = new HashMap<>(env);
    variables.put("PORT", Integer.toString(port));
    variables.putAll(extraEnv);
    try {
      Path out = logDir.resolve(name + ".out.log");
      Path err = logDir.resolve(name + ".err.log");
      ProcessBuilder builder = jar(variables, args);
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      ServeInstance instance = new ServeInstance(name, port, process, out, err);
      instances.add(instance);
      return instance;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " of the packaged jar", e);
    }
  }

  /** Every instance started so far, in order. */
  public List<ServeInstance> instances() {
    return List.copyOf(instances);
  }

  /** Runs a command line in this JVM against the same database (e.g. "users", "deactivate", X). */
  public CliRun cli(String... args) {
    return CliRun.run(env, args);
  }

  /**
   * Runs a command line as a process of the packaged jar against the same database, waits for it,
   * and returns its exit code and output.
   */
  public CliRun jarCli(String... args) {
    try {
      Path out = Files.createTempFile(logDir, "cli", ".out.log");
      Path err = Files.createTempFile(logDir, "cli", ".err.log");
      Process process =
          jar(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      ServeInstance run = new ServeInstance("cli " + String.join(" ", args), 0, process, out, err);
      int code = run.awaitExit();
      return new CliRun(code, run.stdout(), run.stderr());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the packaged jar", e);
    }
  }

  /** The fake WorkOS every instance trusts (users, events, JWKS). */
  public FakeWorkOs workos() {
    return workos;
  }

  /** A token every instance accepts, for a WorkOS user whose email comes with it. */
  public String token(String sub, String email) {
    return workos.token(sub, email);
  }

  /**
   * A token for an admin with this email, made an admin in the database through the dev-token path
   * before any instance has seen them (call it before any request of theirs; the schema must be
   * migrated).
   */
  public String admin(String email) {
    DevTokens.mint(
        Settings.fromEnvironment(env),
        logDir.resolve("dev"),
        new DevTokens.Request(List.of(email), null, null, true, Duration.ofMinutes(5)),
        Clock.systemUTC());
    return token(adminSubject(email), email);
  }

  /** The WorkOS user id of the admin {@link #admin} made. */
  public static String adminSubject(String email) {
    return DevSigningKey.subjectFor(email);
  }

  /** The PostgreSQL schema the instances share (connect() for straight SQL). */
  public PostgresTestDatabase database() {
    return postgres;
  }

  /** Where the instances' log files are. */
  public Path logDir() {
    return logDir;
  }

  /** Every instance's logs, for a failure message. */
  public String logs() {
    StringBuilder all = new StringBuilder();
    instances.forEach(i -> all.append(i.logs()));
    return all.toString();
  }

  private ProcessBuilder jar(Map<String, String> variables, String... args) {
    // the log folder is the working directory: nothing an instance writes lands in the module
    return jar(logDir, variables, args);
  }

  /**
   * The packaged jar with these arguments, run in {@code dir} with exactly these of the variables
   * it reads (none inherited from the test's environment).
   */
  static ProcessBuilder jar(Path dir, Map<String, String> variables, String... args) {
    ProcessBuilder builder = new ProcessBuilder(PackagedJar.command(args)).directory(dir.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("WORKOS_")
                    || k.startsWith("DATAMINGLE_")
                    || k.equals("DATABASE_URL")
                    || k.equals("PORT"));
    builder.environment().putAll(variables);
    return builder;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops every instance (SIGTERM to all, then a kill for any still up), the fake, the schema. */
  @Override
  public void close() {
    try {
      instances.stream().filter(ServeInstance::alive).forEach(i -> i.process().destroy());
      for (ServeInstance instance : instances) {
        instance.stop(STOP_GRACE);
      }
    } finally {
      workos.close();
      postgres.close();
    }
  }
}
