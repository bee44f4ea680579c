package com.datamingle.adapter.cli.fullstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own, for tests that crash it: a cluster made by {@code initdb}
 * in a temporary folder, listening on a free loopback port (TCP only), which the test may kill with
 * {@code SIGKILL} and start again. The shared server is never touched. The binaries are the ones
 * {@code pg_config --bindir} names, else the newest of Debian's versioned folders; when none is
 * found the test is skipped with a message, unless {@code CI=true}, where that fails. Run as root,
 * the server runs as the {@code postgres} user ({@code runuser}), as PostgreSQL refuses root.
 */
final class OwnPostgres implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;
  private Process launcher;

  private OwnPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** A new cluster, started; skips the test (or fails on CI) when PostgreSQL is not installed. */
  static OwnPostgres start() throws Exception {
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      String why =
          "no PostgreSQL server binaries (initdb, postgres) found through `pg_config --bindir` or"
              + " Debian's versioned folders; install PostgreSQL (Debian: postgresql) to run this"
              + " crash test";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      System.err.println("SKIPPED: " + why);
      Assumptions.abort(why);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("datamingle-own-postgres");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    OwnPostgres pg = new OwnPostgres(bin.get(), dir, freePort(), root);
    try {
      Files.createDirectories(pg.data);
      if (root) {
        run(List.of("chown", "-R", "postgres", dir.toString()));
      }
      run(
          pg.command(
              "initdb", "-D", pg.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8"));
      pg.startServer();
      return pg;
    } catch (Exception | Error e) {
      pg.close();
      throw e;
    }
  }

  /** {@code postgresql://} URL of the {@code postgres} database, for DATABASE_URL. */
  String url() {
    return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
  }

  /**
   * Starts the server (again, after a kill: it recovers from its WAL) and waits until it answers.
   */
  void startServer() throws Exception {
    launcher =
        new ProcessBuilder(
                command(
                    "postgres",
                    "-D",
                    data.toString(),
                    "-p",
                    Integer.toString(port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "unix_socket_directories=",
                    "-c",
                    "fsync=on",
                    "-c",
                    "synchronous_commit=on",
                    "-c",
                    "max_connections=40"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
            .start();
    for (int i = 0; i < 600; i++) {
      try (Connection c = connect()) {
        return;
      } catch (SQLException notYet) {
        if (!launcher.isAlive()) {
          throw new IllegalStateException("PostgreSQL did not start: " + log());
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("PostgreSQL did not answer within 60 s: " + log());
  }

  /**
   * SIGKILL to the postmaster and then to every process it had started; waits until all are gone.
   */
  void killNine() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    postmaster.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    all.add(postmaster);
    for (ProcessHandle p : all) {
      p.onExit().get(30, TimeUnit.SECONDS);
    }
    launcher.waitFor(30, TimeUnit.SECONDS);
  }

  String log() {
    try {
      return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (launcher != null && Files.exists(data.resolve("postmaster.pid"))) {
        killNine();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private List<String> command(String program, String... args) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    return command;
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  /** The folder of initdb and postgres: pg_config's, else Debian's newest versioned one. */
  private static Optional<Path> binaries() {
    try {
      Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && hasServer(Path.of(out))) {
        return Optional.of(Path.of(out));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // no pg_config on the PATH: look where Debian puts the server
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(OwnPostgres::hasServer)
          .max(Comparator.comparing(v -> versionOf(v.getParent().getFileName().toString())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(String name) {
    try {
      return Integer.parseInt(name.replaceAll("\\..*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean hasServer(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
