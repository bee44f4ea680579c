package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every reporting db command's --json: standard output is one line of JSON, whether the command
 * succeeds or finds something (exit 1), on each database.
 */
@OnEachDatabase
class JsonOutputsTest extends CliDatabaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  JsonOutputsTest(CliDatabase.Kind kind) {
    super(kind);
  }

  /** Runs the command with --json, expecting {@code exitCode}; its standard output, parsed. */
  private JsonNode json(int exitCode, String... args) throws Exception {
    String[] withJson = Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    CliRun run = run(withJson);
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
    assertThat(Files.exists(java.nio.file.Path.of(down.get("backup").asText()))).isTrue();
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
    assertThat(Files.exists(java.nio.file.Path.of(second.get("backup").asText()))).isTrue();
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
}
