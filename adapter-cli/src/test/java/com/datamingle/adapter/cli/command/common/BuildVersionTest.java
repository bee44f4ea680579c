package com.datamingle.adapter.cli.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code datamingle --version}: version, commit and build date, as the build recorded them. */
class BuildVersionTest {

  @Test
  void versionPrintsTheBuildsVersionCommitAndDate() throws Exception {
    CliRun run = CliRun.run(Map.of(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .hasSize(3)
        .satisfies(l -> assertThat(l.get(0)).matches("datamingle \\d+\\.\\d+\\.\\d+.*"))
        .satisfies(l -> assertThat(l.get(1)).isEqualTo("commit " + gitHead()))
        .satisfies(
            l -> assertThat(l.get(2)).matches("built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
  }

  @Test
  void theShortOptionPrintsTheSame() {
    // --version or -V alone builds no command (start-up): both still print the version
    String version = CliRun.run(Map.of(), "--version").out();

    assertThat(CliRun.run(Map.of(), "-V").out()).isEqualTo(version);
  }

  @Test
  void whatTheBuildCouldNotFillInIsUnknown() {
    Properties unfiltered = new Properties();
    unfiltered.setProperty("version", "0.1.0");
    unfiltered.setProperty("commit", "${datamingle.build.commit}");

    assertThat(BuildVersion.lines(unfiltered))
        .containsExactly("datamingle 0.1.0", "commit unknown", "built unknown");
  }

  /** The commit the build saw: git's HEAD when this runs in a checkout, else unknown. */
  private static String gitHead() throws Exception {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
              .directory(Path.of("").toAbsolutePath().toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      git.waitFor(10, TimeUnit.SECONDS);
      return git.exitValue() == 0 ? out : "unknown";
    } catch (java.io.IOException noGit) {
      return "unknown";
    }
  }
}
