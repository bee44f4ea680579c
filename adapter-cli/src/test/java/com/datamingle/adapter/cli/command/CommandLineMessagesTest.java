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

  @Test
  void everyCommandOfTheTreeHasHelpAndExitsZero() {
    java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
    picocli.CommandLine whole = RootCommand.commandLine(new RootCommand(Map.of()));
    CommandTree.addAll(whole);
    collect(whole, new java.util.ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(25);
    // help.properties reaches a command added after the root, its options and its mixins' options
    assertThat(CliRun.run(Map.of(), "users", "sign-out", "--help").out())
        .contains("Sign a user out everywhere")
        .contains("Print the user, when they were signed out and what");
    for (java.util.List<String> path : paths) {
      java.util.List<String> args = new java.util.ArrayList<>(path);
      args.add("--help");
      CliRun help = CliRun.run(Map.of(), args.toArray(String[]::new));
      assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(help.out()).as(String.join(" ", args)).startsWith("Usage: datamingle");
      // the tree is built only as far as the arguments go (CommandTree): same help as the whole
      picocli.CommandLine command = whole;
      for (String name : path) {
        command = command.getSubcommands().get(name);
      }
      assertThat(help.out())
          .as(String.join(" ", args))
          .isEqualTo(command.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF));
    }
  }

  @Test
  void theRootsOptionsMayComeBeforeTheCommandWithTheirValues(@TempDir Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve("named.sqlite");

    CliRun before = CliRun.run(Map.of(), "--database-url", url, "db", "current");
    CliRun between = CliRun.run(Map.of(), "db", "--database-url", url, "current");

    assertThat(before.exitCode()).as(before.err()).isZero();
    assertThat(before.out()).contains("empty (no migration applied)");
    assertThat(between.out()).isEqualTo(before.out());
    CliRun suggestion = CliRun.run(Map.of(), "--trace", "db", "curent");
    assertThat(suggestion.exitCode()).isEqualTo(2);
    assertThat(suggestion.err()).contains("current");
  }

  private static void collect(
      picocli.CommandLine command,
      java.util.List<String> path,
      java.util.List<java.util.List<String>> out) {
    out.add(java.util.List.copyOf(path));
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help")) {
                java.util.List<String> next = new java.util.ArrayList<>(path);
                next.add(name);
                collect(sub, next, out);
              }
            });
  }

  @Test
  void aBadDatabaseUrlIsOneLineAndExitOne() {
    CliRun run =
        CliRun.run(Map.of("DATABASE_URL", "mysql://root:topsecret@localhost/db"), "db", "current");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("datamingle: DATABASE_URL")
        .doesNotContain("topsecret")
        .doesNotContain("Exception");
  }

  @Test
  void anUnreachableDatabaseIsOneLineAndExitOne() {
    CliRun run =
        CliRun.run(
            Map.of(),
            "--database-url",
            "postgresql://app:topsecret@127.0.0.1:1/db",
            "db",
            "upgrade");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("cannot use the database jdbc:postgresql://127.0.0.1:1/db")
        .contains("check DATABASE_URL")
        .doesNotContain("topsecret")
        .doesNotContain("\tat ");
  }

  @Test
  void traceShowsTheStack() {
    CliRun run =
        CliRun.run(
            Map.of(), "--database-url", "postgresql://127.0.0.1:1/db", "db", "current", "--trace");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("\tat ");
  }
}
