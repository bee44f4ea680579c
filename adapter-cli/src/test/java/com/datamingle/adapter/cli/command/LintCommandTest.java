package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db lint} through the real command line, on each database. */
@OnEachDatabase
class LintCommandTest extends CliDatabaseTest {
  @TempDir Path folder;

  LintCommandTest(CliDatabase.Kind kind) {
    super(kind);
  }

  private String dialect() {
    return database.dialect();
  }

  @Test
  void theProjectsScriptsPassPendingAndAll() {
    CliRun pending = run("db", "lint");
    assertThat(pending.exitCode()).as(pending.err()).isZero();
    assertThat(pending.out()).contains("Checked 4 script(s): 0 error(s), 0 warning(s)");

    assertThat(run("db", "upgrade").exitCode()).isZero();
    CliRun none = run("db", "lint");
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).contains("No pending migration scripts to check");

    CliRun all = run("db", "lint", "--all", "--dialect", "both");
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out()).contains("Checked 8 script(s): 0 error(s)");
  }

  @Test
  void aDangerousPendingScriptFailsUntilAccepted() throws Exception {
    Path scripts = folder.resolve("migrations");
    Map<String, String> env = new HashMap<>(env());
    env.put("DATAMINGLE_MIGRATIONS", scripts.toString());
    assertThat(CliRun.run(env, "db", "init", scripts.toString()).exitCode()).isZero();
    write(scripts, "20261201000001_create_t.sql", "CREATE TABLE t (a INTEGER, b TEXT);");
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    write(scripts, "20261201000002_tidy_t.sql", "-- // tidy t\nALTER TABLE t DROP COLUMN b;");

    CliRun text = CliRun.run(env, "db", "lint");
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.out())
        .contains("error  drop-column  " + dialect() + "/20261201000002_tidy_t.sql:2")
        .contains("ALTER TABLE t DROP COLUMN b")
        .contains("why:  drops column t.b")
        .contains("safe: stop reading and writing the column")
        .contains("Checked 1 script(s): 1 error(s)");

    CliRun json = CliRun.run(env, "db", "lint", "--json");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(json.out())
        .startsWith("{\"passed\":false")
        .contains("\"rule\":\"drop-column\",\"severity\":\"error\"")
        .contains("\"line\":2");

    CliRun sarif = CliRun.run(env, "db", "lint", "--sarif", "--dialect", "both");
    assertThat(sarif.exitCode()).isEqualTo(1);
    assertThat(sarif.out())
        .contains("\"version\":\"2.1.0\"")
        .contains("\"ruleId\":\"drop-column\"")
        .contains("20261201000002_tidy_t.sql\"},\"region\":{\"startLine\":2}");

    write(
        scripts,
        "20261201000002_tidy_t.sql",
        "-- // tidy t\n-- lint:accept drop-column b was never read by any release\n"
            + "ALTER TABLE t DROP COLUMN b;");
    CliRun accepted = CliRun.run(env, "db", "lint");
    assertThat(accepted.exitCode()).as(accepted.out()).isZero();
    assertThat(accepted.out())
        .contains("error (accepted)  drop-column")
        .contains("accepted: b was never read by any release")
        .contains("0 error(s), 0 warning(s), 1 accepted");
  }

  @Test
  void jsonAndSarifTogetherAreAUsageError() {
    CliRun run = run("db", "lint", "--json", "--sarif");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("choose one output: --json or --sarif");
  }

  private static void write(Path scripts, String name, String up) throws Exception {
    for (String d : new String[] {"sqlite", "postgresql"}) {
      Files.writeString(scripts.resolve(d).resolve(name), up + "\n\n-- //@UNDO\n");
    }
  }
}
