package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reporting db command's --json (and init-db, reset-db, db init, new, migrate, restore):
 * standard output is one line of JSON, whether the command succeeds or finds something (exit 1), on
 * each database.
 */
@OnEachDatabase
class JsonOutputsTest extends CliDatabaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  JsonOutputsTest(CliDatabase.Kind kind) {
    super(kind);
  }

  /** Runs the command with --json, expecting {@code exitCode}; its standard output, parsed. */
  private JsonNode json(int exitCode, String... args) throws Exception {
    return json(env(), exitCode, args);
  }

  /** As {@link #json(int, String...)}, with the environment given. */
  private JsonNode json(Map<String, String> env, int exitCode, String... args) throws Exception {
    String[] withJson = Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    CliRun run = CliRun.run(env, withJson);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
    assertThat(run.out().strip().lines()).as(run.out()).hasSize(1);
    return JSON.readTree(run.out());
  }

  @Test
  void upgradeAndDowngradeReportWhatRanAndWhereTheDatabaseStands() throws Exception {
    JsonNode up = json(0, "db", "upgrade");
    assertThat(up.get("ran")).hasSize(4);
    assertThat(up.get("at_head").asBoolean()).isTrue();
    assertThat(up.get("current").get("id").asText()).isEqualTo("20261201051000");

    JsonNode down = json(0, "db", "downgrade");
    assertThat(down.get("ran").get(0).asText()).isEqualTo("20261201051000");
    assertThat(down.get("backup").asText()).contains("downgrade");
    assertThat(Files.exists(Path.of(down.get("backup").asText()))).isTrue();
    assertThat(down.get("at_head").asBoolean()).isFalse();

    assertThat(json(0, "db", "current").get("pending").asInt()).isEqualTo(1);
    assertThat(json(0, "db", "history").isArray()).isTrue();
    assertThat(run("db", "upgrade", "--sql", "--json").exitCode()).isEqualTo(2);
  }

  @Test
  void initDbAndRepairReportWhatTheyDid() throws Exception {
    JsonNode init = json(0, "init-db");
    assertThat(init.get("ran")).hasSize(4);
    assertThat(init.get("at_head").asBoolean()).isTrue();
    assertThat(json(0, "db", "repair", "--yes").get("accepted")).isEmpty();
  }

  @Test
  void theCheckingCommandsSayWhatTheyFound() throws Exception {
    json(0, "db", "upgrade");
    assertThat(json(0, "db", "check").get("changes").asBoolean()).isFalse();
    assertThat(json(0, "db", "validate").get("valid").asBoolean()).isTrue();
    assertThat(json(0, "db", "test").get("passed").asBoolean()).isTrue();
    assertThat(json(0, "db", "drift").get("drift").asBoolean()).isFalse();

    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE INDEX users_by_hand ON users (first_name)");
    }
    JsonNode drift = json(1, "db", "drift");
    assertThat(drift.get("drift").asBoolean()).isTrue();
    assertThat(drift.get("differences").toString()).contains("users_by_hand");
  }

  @Test
  void backupSaysWhereItWroteAndWhatItRemoved() throws Exception {
    json(0, "db", "upgrade");
    JsonNode first = json(0, "db", "backup");
    JsonNode second = json(0, "db", "backup", "--keep", "1");
    assertThat(Files.exists(Path.of(second.get("backup").asText()))).isTrue();
    assertThat(second.get("removed")).hasSize(1);
    assertThat(second.get("removed").get(0).asText()).isEqualTo(first.get("backup").asText());
  }

  @Test
  void stampSaysWhatItMarkedOrWhyItRefused() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
    }
    JsonNode refused = json(1, "db", "stamp", "head");
    assertThat(refused.get("stamped").asBoolean()).isFalse();
    assertThat(refused.get("differences")).isNotEmpty();

    JsonNode forced = json(0, "db", "stamp", "head", "--force");
    assertThat(forced.get("stamped").asBoolean()).isTrue();
    assertThat(forced.get("marked").toString()).contains("20261124000002");
    assertThat(forced.get("at_head").asBoolean()).isTrue();
  }

  @Test
  void scaffoldingCommandsSayWhatTheyWrote(@TempDir Path dir) throws Exception {
    Path scripts = dir.resolve("migrations");
    JsonNode init = json(0, "db", "init", scripts.toString());
    assertThat(init.get("folder").asText()).isEqualTo(scripts.toAbsolutePath().toString());
    assertThat(init.get("written")).isNotEmpty();

    JsonNode written = json(withScripts(scripts), 0, "db", "new", "-m", "add things");
    assertThat(written.get("written")).hasSize(2);
    for (JsonNode file : written.get("written")) {
      assertThat(Files.exists(Path.of(file.asText()))).as(file.asText()).isTrue();
    }
  }

  @Test
  void resetAndRestoreSayWhatTheyDid() throws Exception {
    json(0, "db", "upgrade");
    String backup = json(0, "db", "backup").get("backup").asText();

    JsonNode reset = json(0, "reset-db", "--yes");
    assertThat(reset.get("ran")).hasSize(ProjectScripts.NAMES.size());
    assertThat(reset.get("backup").asText()).contains("reset-db");
    assertThat(reset.get("at_head").asBoolean()).isTrue();

    JsonNode restored = json(0, "db", "restore", backup, "--yes");
    assertThat(restored.get("restored").asText()).isEqualTo(backup);
    assertThat(restored.get("backup").asText()).contains("restore");
    assertThat(restored.get("at_head").asBoolean()).isTrue();
  }

  @Test
  void migrateSaysWhatItWroteAndWhatTheLintFound(@TempDir Path dir) throws Exception {
    Path scripts = dir.resolve("migrations");
    ProjectScripts.copyTo(scripts);
    Path schema = ProjectScripts.schemaTo(dir.resolve("schema.dmschema"));
    Map<String, String> env = withScripts(scripts);
    env.put("DATAMINGLE_SCHEMA", schema.toString());
    try (PostgresTestDatabase scratch = PostgresTestDatabase.createIsolated()) {
      env.put("DATAMINGLE_DEV_POSTGRES_URL", scratch.postgresUrl());
      json(env, 0, "db", "upgrade");
      JsonNode none = json(env, 0, "db", "migrate", "-m", "nothing");
      assertThat(none.get("changes").asBoolean()).isFalse();
      assertThat(none.get("written")).isEmpty();

      ProjectScripts.addNickname(schema);
      JsonNode added = json(env, 0, "db", "migrate", "-m", "add nickname");
      assertThat(added.get("changes").asBoolean()).isTrue();
      assertThat(added.get("operations").toString()).contains("add column users.nickname");
      assertThat(added.get("written")).hasSize(2);
      assertThat(added.get("lint").get("checked")).hasSize(2);
      assertThat(added.get("lint").get("passed").asBoolean()).isTrue();
    }
  }

  /** The test database's environment with DATAMINGLE_MIGRATIONS set to {@code scripts}. */
  private Map<String, String> withScripts(Path scripts) {
    Map<String, String> env = new HashMap<>(env());
    env.put("DATAMINGLE_MIGRATIONS", scripts.toString());
    return env;
  }
}
