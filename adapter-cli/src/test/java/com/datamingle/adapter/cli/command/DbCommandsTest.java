package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandsTest extends DbCommandsContract {
  @TempDir Path dir;

  @Override
  Map<String, String> env() {
    return Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite"));
  }

  @Override
  boolean usersTableExists() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite"));
        ResultSet rs = c.getMetaData().getTables(null, null, "users", null)) {
      return rs.next();
    }
  }

  @Test
  void everyCommandOfTheTreeHasHelpAndExitsZero() {
    java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
    collect(new picocli.CommandLine(new RootCommand(Map.of())), new java.util.ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(25);
    for (java.util.List<String> path : paths) {
      java.util.List<String> args = new java.util.ArrayList<>(path);
      args.add("--help");
      CliRun help = CliRun.run(Map.of(), args.toArray(String[]::new));
      assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(help.out()).as(String.join(" ", args)).startsWith("Usage: datamingle");
    }
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

  @Test
  void theDatabaseUrlFlagWinsOverTheEnvironment() throws Exception {
    Path other = dir.resolve("other.sqlite");

    CliRun run = CliRun.run(env(), "db", "upgrade", "--database-url", "jdbc:sqlite:" + other);

    assertThat(run.exitCode()).isZero();
    assertThat(other).exists();
    assertThat(usersTableExists()).isFalse();
  }
}
