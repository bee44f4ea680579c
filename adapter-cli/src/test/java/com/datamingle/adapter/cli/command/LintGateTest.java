package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.bootstrap.ServeOptions;
import com.datamingle.adapter.cli.bootstrap.ServeWiring;
import com.datamingle.adapter.cli.bootstrap.ServiceRuntime;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.bootstrap.WarmUpBudget;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint gate through the real command line, on each database: {@code db upgrade}, {@code db
 * merge --apply} and {@code serve --migrate} refuse an unaccepted error-level finding, {@code db
 * check} fails on one, {@code db migrate} prints what it finds in what it wrote, {@code db history}
 * shows the reasons of accepted findings.
 */
@OnEachDatabase
class LintGateTest extends CliDatabaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIDY = "20261231000002_tidy_t.sql";

  @TempDir Path folder;
  private Path scripts;
  private Map<String, String> env;

  LintGateTest(CliDatabase.Kind kind) {
    super(kind);
  }

  @BeforeEach
  void scriptsFolder() {
    scripts = folder.resolve("migrations");
    env = new HashMap<>(env());
    env.put("DATAMINGLE_MIGRATIONS", scripts.toString());
  }

  private CliRun cli(String... args) {
    return CliRun.run(env, args);
  }

  /** A scripts folder holding table t (a, b), applied; then a pending script dropping t.b. */
  private void pendingDropOfColumnB(String acceptLine) throws Exception {
    assertThat(cli("db", "init", scripts.toString()).exitCode()).isZero();
    ProjectScripts.copyTo(scripts); // so that `serve` finds the tables it reads
    write("20261231000001_create_t.sql", "CREATE TABLE t (a INTEGER, b TEXT);");
    assertThat(cli("db", "upgrade").exitCode()).isZero();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t (a, b) VALUES (1, 'kept')");
    }
    write(TIDY, "-- // tidy t\n" + acceptLine + "ALTER TABLE t DROP COLUMN b;");
  }

  @Test
  void upgradeRefusesAnUnacceptedFindingAndAppliesNothingUntilAllowed() throws Exception {
    pendingDropOfColumnB("");

    CliRun refused = cli("db", "upgrade");

    assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
    assertThat(refused.err())
        .contains("refused: the pending migrations hold 1 statement(s) unsafe on a live database")
        .contains("nothing was applied")
        .contains("drop-column at " + database.dialect() + "/" + TIDY + ":2")
        .contains("ALTER TABLE t DROP COLUMN b")
        .contains("why:  drops column t.b")
        .contains("safe: stop reading and writing the column")
        .contains("`-- lint:accept drop-column <reason>`")
        .contains("--allow drop-column");
    assertThat(refused.out()).doesNotContain("Applying");
    assertThat(currentId()).isEqualTo("20261231000001");
    assertThat(columnB()).isEqualTo("kept");

    CliRun allowed = cli("db", "upgrade", "--allow", "drop-column");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.out())
        .contains("lint: allowed by --allow drop-column at " + database.dialect() + "/" + TIDY)
        .contains("Applied 1 migration(s)");
    assertThat(currentId()).isEqualTo("20261231000002");
  }

  @Test
  void anAllowThatNamesNoRuleIsAUsageErrorNamingTheRules() throws Exception {
    pendingDropOfColumnB("");

    CliRun upgrade = cli("db", "upgrade", "--allow", "NOPE");
    CliRun serve = cli("serve", "--migrate", "--port", "0", "--allow", "NOPE");

    for (CliRun run : List.of(upgrade, serve)) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err())
          .contains("--allow NOPE: no such lint rule; the rules are drop-table, drop-column,");
    }
    assertThat(currentId()).isEqualTo("20261231000001");
  }

  @Test
  void anAcceptedFindingIsAppliedAndHistoryShowsItsReason() throws Exception {
    pendingDropOfColumnB("-- lint:accept drop-column b was never read by any release\n");

    CliRun upgrade = cli("db", "upgrade");

    assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
    assertThat(upgrade.out())
        .contains(
            "lint: accepted drop-column at "
                + database.dialect()
                + "/"
                + TIDY
                + ":3 (b was never read by any release)");
    CliRun history = cli("db", "history");
    assertThat(history.out())
        .contains(
            "lint: 20261231000002 accepted drop-column at line 3: b was never read by any"
                + " release");
    JsonNode entries = JSON.readTree(cli("db", "history", "--json").out());
    assertThat(entries.get(0).get("lint_accepted")).isEmpty();
    JsonNode tidy = entries.get(entries.size() - 1);
    assertThat(tidy.get("id").asText()).isEqualTo("20261231000002");
    assertThat(tidy.get("lint_accepted").get(0).get("rule").asText()).isEqualTo("drop-column");
    assertThat(tidy.get("lint_accepted").get(0).get("reason").asText())
        .isEqualTo("b was never read by any release");
  }

  @Test
  void serveMigrateRefusesToStartOnAnUnacceptedFinding() throws Exception {
    pendingDropOfColumnB("");

    CliRun serve = cli("serve", "--migrate", "--port", "0");

    assertThat(serve.exitCode()).isEqualTo(1);
    assertThat(serve.err())
        .contains("refused: the pending migrations hold 1 statement(s) unsafe")
        .contains("drop-column at " + database.dialect() + "/" + TIDY + ":2")
        .contains("--allow drop-column")
        .doesNotContain("listening");
    assertThat(currentId()).isEqualTo("20261231000001");
  }

  @Test
  void serveDevMigratesTheLocalDatabaseAnywayAndSaysWhatTheLintFound() throws Exception {
    pendingDropOfColumnB("");
    Map<String, String> serveEnv = new HashMap<>(env);
    serveEnv.put("PORT", "0");
    serveEnv.put("BIND_ADDRESS", "127.0.0.1");
    List<String> said = new CopyOnWriteArrayList<>();

    try (ServiceRuntime runtime =
        ServeWiring.serve(
            Settings.fromEnvironment(serveEnv),
            new ServeOptions(
                true,
                false,
                false,
                folder.resolve("dev"),
                null,
                said::add,
                Set.of(),
                WarmUpBudget.OFF),
            Clock.systemUTC())) {
      assertThat(runtime.port()).isPositive();
    }

    assertThat(said)
        .anyMatch(
            line ->
                line.startsWith(
                    "lint: error drop-column at "
                        + database.dialect()
                        + "/"
                        + TIDY
                        + ":2 (applied in dev mode"));
    assertThat(currentId()).isEqualTo("20261231000002");
  }

  @Test
  void mergeApplyRefusesAnUnacceptedFindingInTheScriptsItWouldApply() throws Exception {
    pendingDropOfColumnB("");
    write("20261231000003_later.sql", "CREATE TABLE later (x INTEGER);");
    assertThat(cli("db", "upgrade", "20261231000001").exitCode()).isZero();
    // parallel work: 20261231000003 is applied before 20261231000002 appears
    for (String d : List.of("sqlite", "postgresql")) {
      Files.move(scripts.resolve(d).resolve(TIDY), folder.resolve(d + "-" + TIDY));
    }
    assertThat(cli("db", "upgrade").exitCode()).isZero();
    for (String d : List.of("sqlite", "postgresql")) {
      Files.move(folder.resolve(d + "-" + TIDY), scripts.resolve(d).resolve(TIDY));
    }

    CliRun refused = cli("db", "merge", "--apply");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("drop-column at " + database.dialect() + "/" + TIDY);
    assertThat(columnB()).isEqualTo("kept");

    CliRun allowed = cli("db", "merge", "--apply", "--allow", "drop-column");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("Merged 1 migration(s)");
  }

  @Test
  void checkPassesOnTheProjectsScriptsAndFailsOnAnUnsafePendingOne() throws Exception {
    CliRun own = run("db", "check");
    assertThat(own.exitCode()).as(own.out() + own.err()).isZero();
    assertThat(own.out()).contains("No unsafe statement in 8 pending script(s).");

    ProjectScripts.copyTo(scripts);
    // neutral for the schema, so only the lint can fail the check
    write(
        "20261231000001_rename_back.sql",
        "ALTER TABLE users RENAME COLUMN last_session_id TO previous_session_id;\n"
            + "ALTER TABLE users RENAME COLUMN previous_session_id TO last_session_id;");
    CliRun unsafe = cli("db", "check");
    assertThat(unsafe.exitCode()).isEqualTo(1);
    assertThat(unsafe.out())
        .contains("unsafe rename-column at sqlite/20261231000001_rename_back.sql:1")
        .contains("unsafe rename-column at postgresql/20261231000001_rename_back.sql:2");
    assertThat(unsafe.err())
        .contains("4 statement(s) in the pending scripts are unsafe on a live database")
        .doesNotContain("New upgrade operations");
    JsonNode json = JSON.readTree(cli("db", "check", "--json").out());
    assertThat(json.get("changes").asBoolean()).isFalse();
    assertThat(json.get("lint").get("passed").asBoolean()).isFalse();
  }

  @Test
  void migrateLintsWhatItWritesAndKeepsTheDropAFinding() throws Exception {
    ProjectScripts.copyTo(scripts);
    Path schema = ProjectScripts.schemaTo(folder.resolve("schema.dmschema"));
    env.put("DATAMINGLE_SCHEMA", schema.toString());
    try (PostgresTestDatabase scratch = PostgresTestDatabase.createIsolated()) {
      env.put("DATAMINGLE_DEV_POSTGRES_URL", scratch.postgresUrl());
      assertThat(cli("db", "upgrade").exitCode()).isZero();
      Files.writeString(
          schema, Files.readString(schema).replace("  last_session_id      varchar(128)\n", ""));

      CliRun migrate = cli("db", "migrate", "-m", "forget sessions");

      assertThat(migrate.exitCode()).as(migrate.err()).isZero();
      assertThat(migrate.out())
          .contains("wrote")
          .contains("error  drop-column  postgresql/")
          .contains("_forget_sessions.sql:")
          .contains("why:  drops column users.last_session_id")
          .containsPattern("db lint: \\d+ finding\\(s\\) in what was written");
    }
  }

  private void write(String name, String up) throws Exception {
    for (String d : new String[] {"sqlite", "postgresql"}) {
      Files.writeString(scripts.resolve(d).resolve(name), up + "\n\n-- //@UNDO\n");
    }
  }

  private String currentId() throws Exception {
    JsonNode current = JSON.readTree(cli("db", "current", "--json").out()).get("current");
    return current == null || current.isNull() ? null : current.get("id").asText();
  }

  private String columnB() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT b FROM t")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
