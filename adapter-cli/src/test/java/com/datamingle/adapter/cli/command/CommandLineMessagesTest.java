package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets on the command line: errors that name what they typed, in one line. */
class CommandLineMessagesTest {
  @TempDir Path dir;

  @Test
  void aBadPortNamesTheFlagOrTheVariableThatGaveIt() {
    Map<String, String> env = Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite"));

    CliRun flag = CliRun.run(env, "serve", "--dev", "--port", "abc");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err())
        .contains("--port is 'abc'")
        .doesNotContain("PORT is")
        .contains("0 to 65535");

    CliRun variable =
        CliRun.run(
            Map.of("DATABASE_URL", env.get("DATABASE_URL"), "PORT", "abc"), "serve", "--dev");
    assertThat(variable.exitCode()).isEqualTo(2);
    assertThat(variable.err()).contains("PORT is 'abc'").doesNotContain("--port");

    assertThat(CliRun.run(env, "serve", "--env", "staging").err()).contains("--env is 'staging'");
  }

  @Test
  void aPostgresUrlWithABadPortSaysThePortIsWrong() {
    CliRun flag =
        CliRun.run(Map.of(), "--database-url", "postgresql://u@host:notaport/db", "db", "current");
    assertThat(flag.exitCode()).isEqualTo(1);
    assertThat(flag.err())
        .contains("--database-url")
        .contains("port 'notaport'")
        .doesNotContain("names no host");
    assertThat(flag.err().lines().count()).isEqualTo(1);

    CliRun variable =
        CliRun.run(Map.of("DATABASE_URL", "postgresql://u@host:notaport/db"), "db", "current");
    assertThat(variable.err()).contains("DATABASE_URL").contains("port 'notaport'");
  }

  @Test
  void aSqlitePathInAFolderThatDoesNotExistSaysSoAndCreatesNothing() {
    Path missing = dir.resolve("no-such-folder");
    Map<String, String> env = Map.of("DATABASE_URL", "jdbc:sqlite:" + missing.resolve("db.sqlite"));

    for (String[] command :
        new String[][] {{"db", "current"}, {"db", "upgrade"}, {"init-db"}, {"users", "list"}}) {
      CliRun run = CliRun.run(env, command);

      assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(1);
      assertThat(run.err())
          .contains("the folder " + missing)
          .contains("does not exist")
          .doesNotContain("running");
    }
    assertThat(missing).doesNotExist();
    CliRun folder = CliRun.run(Map.of("DATABASE_URL", "jdbc:sqlite:" + dir), "db", "current");
    assertThat(folder.err()).contains("is a folder, not a SQLite database file");
  }
}
