package com.datamingle.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  record Result(int exit, String output) {}

  private static Result run(Path in, String... command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("DATAMINGLE_") || k.equals("DATABASE_URL"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }
}
