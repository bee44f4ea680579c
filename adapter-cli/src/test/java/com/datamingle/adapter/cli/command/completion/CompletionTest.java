package com.datamingle.adapter.cli.command.completion;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datamingle completion}: the scripts load in their shell and offer the commands. */
class CompletionTest {
  @TempDir Path dir;

  private Path script(String shell) throws Exception {
    CliRun run = CliRun.run(Map.of(), "completion", shell);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Files.writeString(dir.resolve("datamingle." + shell), run.out());
  }

  /** Runs a bash script with the completion script at $1; its standard output. */
  private String bash(Path script, String commands) throws Exception {
    Process p =
        new ProcessBuilder("bash", "-c", "source \"$1\"\n" + commands, "bash", script.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /**
   * What bash offers after the words typed, through the function the script registered (outside an
   * interactive completion, compopt has nothing to set, so it is silenced).
   */
  private String offered(Path script, String typed) throws Exception {
    return bash(
        script,
        "compopt() { :; }; COMP_LINE='"
            + typed
            + "'; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< \"$COMP_LINE\";"
            + (typed.endsWith(" ") ? " COMP_WORDS+=('');" : "")
            + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
            + " $(complete -p datamingle | sed -E 's/.*-F ([^ ]+).*/\\1/');"
            + " echo \"${COMPREPLY[*]}\"");
  }

  @Test
  void theBashScriptLoadsAndCompletesCommandsAndOptions() throws Exception {
    Path script = script("bash");

    assertThat(bash(script, "complete -p datamingle")).contains("datamingle");
    assertThat(offered(script, "datamingle "))
        .contains("serve", "db", "init-db", "reset-db", "users", "dev", "completion");
    assertThat(offered(script, "datamingle db up")).isEqualTo("upgrade\n");
    assertThat(offered(script, "datamingle db check --j")).isEqualTo("--json\n");
  }

  @Test
  void zshGetsTheBashScriptWhichStartsBashcompinit() throws Exception {
    assertThat(Files.readString(script("zsh")))
        .isEqualTo(Files.readString(script("bash")))
        .contains("bashcompinit");
  }

  @Test
  void theFishScriptOffersEachCommandsSubcommandsAndOptionsAtItsPath() throws Exception {
    String fish = Files.readString(script("fish"));

    assertThat(fish)
        .contains("set -g __datamingle_at_commands 'serve' 'db' 'db init'")
        .contains(" 'db upgrade' ")
        .contains("complete -c datamingle -n '__datamingle_at' -a 'db' -d ")
        .contains("complete -c datamingle -n '__datamingle_at db' -a 'upgrade' -d ")
        .contains("complete -c datamingle -n '__datamingle_at db check' -l json -d 'Print JSON.'")
        .contains("-n '__datamingle_at db backup' -l to -r -F -d ");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), "completion", "tcsh");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).containsIgnoringCase("bash").containsIgnoringCase("fish");
  }
}
