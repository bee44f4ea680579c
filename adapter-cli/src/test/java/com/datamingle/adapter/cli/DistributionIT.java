package com.datamingle.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive `mvn package` builds: unpacked elsewhere, its launcher runs the command
 * with only a JDK, and it holds the completion scripts, the systemd unit and the README.
 */
class DistributionIT {
  @TempDir Path dir;

  @Test
  void theUnpackedArchiveRunsDbCurrentAndHoldsWhatAnOperatorNeeds() throws Exception {
    Path home = unpacked();
    assertThat(home.resolve("bin/datamingle")).isExecutable();
    assertThat(home.resolve("lib/datamingle.jar")).isRegularFile();
    assertThat(home.resolve("README.md")).isRegularFile();
    assertThat(Files.readString(home.resolve("completion/datamingle.bash"))).contains("complete ");
    assertThat(Files.readString(home.resolve("completion/datamingle.fish")))
        .contains("complete -c datamingle");
    assertThat(Files.readString(home.resolve("systemd/datamingle.service")))
        .contains("ExecStartPre=/opt/datamingle/bin/datamingle db upgrade")
        .contains("ExecStart=/opt/datamingle/bin/datamingle serve");

    Path work = Files.createDirectory(dir.resolve("work"));
    Result current = run(work, home.resolve("bin/datamingle").toString(), "db", "current");

    assertThat(current.exit).as(current.output).isZero();
    assertThat(current.output).contains("empty (no migration applied)");
    assertThat(run(work, home.resolve("bin/datamingle").toString(), "db", "upgrade").exit).isZero();
    assertThat(run(work, home.resolve("bin/datamingle").toString(), "db", "current").output)
        .contains("(head)");
  }

  @Test
  void aStaleCorruptOrUnwritableStartUpArchiveOnlyCostsTimeNeverOutput() throws Exception {
    Path home = unpacked();
    Path work = Files.createDirectory(dir.resolve("work"));
    Path cache = dir.resolve("cache");
    Map<String, String> env = Map.of("DATAMINGLE_CACHE_DIR", cache.toString());
    String launcher = home.resolve("bin/datamingle").toString();
    Result first = run(work, env, launcher, "db", "current"); // records the archive
    assertThat(first.exit).as(first.output).isZero();
    assertThat(first.output)
        .matches(
            "empty \\(no migration applied\\) \\(not at head: \\d+ pending, run `datamingle db"
                + " upgrade`\\)\n");

    assertThat(run(work, env, launcher, "db", "current")).isEqualTo(first); // checks and uses it
    Path archive = archive(cache);
    assertThat(archive.resolveSibling(archive.getFileName() + ".cksum")).isRegularFile();
    try (var files = Files.walk(cache)) {
      assertThat(files.map(Path::toString)).anyMatch(p -> p.endsWith("libsqlitejdbc.so"));
    }

    byte[] bytes = Files.readAllBytes(archive);
    archive.toFile().setWritable(true);
    byte[] altered = bytes.clone();
    for (int i = 0; i < 64; i++) {
      altered[bytes.length / 2 + i] ^= (byte) 0x5a; // the JVM does not notice this by itself
    }
    Files.write(archive, altered);
    assertThat(run(work, env, launcher, "db", "current")).isEqualTo(first);

    run(work, env, launcher, "db", "current"); // records a new one
    archive = archive(cache);
    archive.toFile().setWritable(true);
    Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 3)); // a crash, unchecked
    assertThat(run(work, env, launcher, "db", "current")).isEqualTo(first);

    Path unfinished = archive.resolveSibling(archive.getFileName() + ".999999999.tmp");
    Files.write(unfinished, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertThat(run(work, env, launcher, "db", "current")).isEqualTo(first);
    assertThat(unfinished).doesNotExist();

    Map<String, String> unwritable = Map.of("DATAMINGLE_CACHE_DIR", "/proc/datamingle-cache");
    assertThat(run(work, unwritable, launcher, "db", "current")).isEqualTo(first);
  }

  @Test
  void withoutJavaHomeTheJavaOnThePathRunsWithAnArchive() throws Exception {
    Path home = unpacked();
    Path work = Files.createDirectory(dir.resolve("work"));
    Path cache = dir.resolve("cache");
    String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
    // the launcher looks java up on the PATH itself: an empty folder and a relative one first
    Map<String, String> env =
        Map.of(
            "DATAMINGLE_CACHE_DIR",
            cache.toString(),
            "JAVA_HOME",
            "",
            "PATH",
            work + ":no-such-folder:" + javaBin + ":/usr/bin:/bin");
    String launcher = home.resolve("bin/datamingle").toString();
    Result first = run(work, env, launcher, "db", "current"); // records the archive
    assertThat(first.exit).as(first.output).isZero();
    assertThat(run(work, env, launcher, "db", "current")).isEqualTo(first); // checks and uses it
    Path archive = archive(cache);
    assertThat(archive.resolveSibling(archive.getFileName() + ".cksum")).isRegularFile();
  }

  private Path unpacked() throws Exception {
    Path jar = Path.of(System.getProperty("datamingle.jar", "target/datamingle.jar"));
    Path archive;
    try (var found = Files.list(jar.toAbsolutePath().getParent())) {
      archive =
          found
              .filter(p -> p.getFileName().toString().matches("datamingle-.+\\.tar\\.gz"))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no datamingle-VERSION.tar.gz (run mvn verify)"));
    }
    assertThat(run(dir, "tar", "xzf", archive.toString()).exit).isZero();
    Path home;
    try (var unpacked = Files.list(dir)) {
      home = unpacked.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString())
        .isEqualTo(archive.getFileName().toString().replace(".tar.gz", ""));
    return home;
  }

  private static Path archive(Path cache) throws Exception {
    try (var files = Files.walk(cache)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jsa"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no class-data-sharing archive in " + cache));
    }
  }

  record Result(int exit, String output) {}

  /** Runs with the launcher's cache in the folder {@code in}, not the user's. */
  private static Result run(Path in, String... command) throws Exception {
    return run(in, Map.of("DATAMINGLE_CACHE_DIR", in.resolve(".cache").toString()), command);
  }

  private static Result run(Path in, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("DATAMINGLE_") || k.equals("DATABASE_URL"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(env);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }
}
