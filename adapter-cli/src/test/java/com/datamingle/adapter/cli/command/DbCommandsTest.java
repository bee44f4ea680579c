package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The db commands through the real command line, on each database. */
@OnEachDatabase
class DbCommandsTest extends CliDatabaseTest {
  @TempDir Path elsewhere;

  DbCommandsTest(CliDatabase.Kind kind) {
    super(kind);
  }

  boolean usersTableExists() throws Exception {
    return database.tableExists("users");
  }

  @Test
  void upgradeCurrentHistoryDowngrade() throws Exception {
    CliRun up = run("db", "upgrade");
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out())
        .contains("Applying 20261124000002 create users ... done in")
        .contains("(head)");
    assertThat(usersTableExists()).isTrue();

    CliRun current = run("db", "current");
    assertThat(current.exitCode()).isZero();
    assertThat(current.out().strip())
        .isEqualTo("20261201051000 revocations and cache changes (head)");

    CliRun history = run("db", "history");
    assertThat(history.out())
        .containsPattern(
            "20261124000002\\s+create users\\s+\\d{4}-\\d\\d-\\d\\d"
                + " \\d\\d:\\d\\d:\\d\\d\\s+applied\\s")
        .containsPattern(
            "20261201051000\\s+revocations and cache changes\\s+\\d{4}-\\d\\d-\\d\\d"
                + " \\d\\d:\\d\\d:\\d\\d\\s+applied \\(current\\)");

    CliRun down = run("db", "downgrade");
    assertThat(down.exitCode()).as(down.err()).isZero();
    assertThat(down.out()).contains("Undoing  20261201051000 revocations and cache changes");
    assertThat(usersTableExists()).isTrue();
    assertThat(run("db", "downgrade").out()).contains("Undoing  20261124213504 workos sync");
    CliRun downAgain = run("db", "downgrade");
    assertThat(downAgain.out())
        .as(downAgain.err())
        .contains("Undoing  20261124000002 create users");
    assertThat(usersTableExists()).isFalse();
    assertThat(run("db", "history").out())
        .containsPattern("20261124000002\\s+create users\\s+-\\s+pending");
    assertThat(run("db", "current", "--json").out())
        .contains("\"at_head\":false")
        .contains("\"pending\":3");
  }

  @Test
  void downgradeBaseAndUpgradeToAVersion() throws Exception {
    assertThat(run("db", "upgrade", "20261124000001").exitCode()).isZero();
    assertThat(usersTableExists()).isFalse();
    assertThat(run("db", "upgrade").exitCode()).isZero();

    CliRun base = run("db", "downgrade", "base");

    assertThat(base.exitCode()).isZero();
    assertThat(base.out())
        .contains("Undid 4 migration(s)")
        .contains("empty (no migration applied)");
    assertThat(run("db", "history", "--json").out()).doesNotContain("\"state\":\"applied\"");
  }

  @Test
  void refusalsExitWithOneAndSayWhatToDo() {
    CliRun unknown = run("db", "upgrade", "20990101000000");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("db history");

    CliRun nothing = run("db", "downgrade");
    assertThat(nothing.exitCode()).isEqualTo(1);
    assertThat(nothing.err()).contains("nothing to downgrade");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("db", "downgrade", "sideways").exitCode()).isEqualTo(2);
    assertThat(run("db", "upgrade", "a", "b").exitCode()).isEqualTo(2);
    assertThat(run("db", "nope").exitCode()).isEqualTo(2);
    assertThat(run("--no-such-flag").exitCode()).isEqualTo(2);
    assertThat(run().exitCode()).isEqualTo(2);
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] args :
        new String[][] {
          {"--help"},
          {"db", "--help"},
          {"db", "upgrade", "--help"},
          {"db", "downgrade", "--help"},
          {"db", "current", "--help"},
          {"db", "history", "--help"}
        }) {
      CliRun help = run(args);
      assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(help.out()).startsWith("Usage: datamingle");
    }
  }

  @Test
  void theDatabaseUrlFlagWinsOverTheEnvironment() throws Exception {
    Path other = elsewhere.resolve("other.sqlite");

    CliRun run = CliRun.run(env(), "db", "upgrade", "--database-url", "jdbc:sqlite:" + other);

    assertThat(run.exitCode()).isZero();
    assertThat(other).exists();
    assertThat(usersTableExists()).isFalse();
  }
}
