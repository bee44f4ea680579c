package com.datamingle.adapter.cli.command.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code users ... --json} user is the API's: the same property names and JSON types as the
 * {@code User} schema of the OpenAPI document the web adapter serves.
 */
class UserJsonMatchesTheApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyUserTheCommandsPrintHasTheApiUserShape() throws Exception {
    Map<String, String> env = Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite"));
    assertThat(CliRun.run(env, "db", "upgrade").exitCode()).isZero();
    try (Connection c = DriverManager.getConnection(env.get("DATABASE_URL"));
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, workos_user_id, email, first_name, last_name,"
              + " profile_picture_url, is_active, is_admin, timezone, language, created_at,"
              + " updated_at, last_login_at) VALUES ('0192b3c4-5d6e-7f80-9a1b-000000000001',"
              + " 'user_01FULL', 'full@example.com', 'Ada', 'Lovelace',"
              + " 'https://example.com/ada.png', 1, 1, 'Europe/Paris', 'pt-BR', 1764547200000,"
              + " 1764547200000, 1764547200000)");
      s.execute(
          "INSERT INTO users (id, workos_user_id, email, created_at, updated_at) VALUES"
              + " ('0192b3c4-5d6e-7f80-9a1b-000000000002', 'user_01BARE', 'bare@example.com',"
              + " 1764547200000, 1764547200000)");
    }
    CliRun list = CliRun.run(env, "users", "list", "--json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    CliRun show = CliRun.run(env, "users", "show", "full@example.com", "--json");
    CliRun promote = CliRun.run(env, "users", "promote", "bare@example.com", "--json");
    JsonNode schema = apiUserSchema();

    List<JsonNode> printed = new ArrayList<>();
    JSON.readTree(list.out()).get("users").forEach(printed::add);
    printed.add(JSON.readTree(show.out()));
    printed.add(JSON.readTree(promote.out()));

    assertThat(printed).hasSize(4);
    for (JsonNode user : printed) {
      assertThat(differences(schema, user)).as(user.toString()).isEmpty();
    }
    assertThat(printed.get(0).get("profile_picture_url").asText())
        .isEqualTo("https://example.com/ada.png");
  }

  @Test
  void theComparisonCatchesAMissingPropertyAnExtraOneAndAWrongType() throws Exception {
    ObjectNode user =
        (ObjectNode)
            JSON.readTree(
                "{\"id\":\"x\",\"workos_user_id\":\"user_1\",\"first_name\":null,"
                    + "\"last_name\":null,\"profile_picture_url\":null,\"is_active\":true,"
                    + "\"is_admin\":\"yes\",\"timezone\":\"UTC\",\"language\":\"en\","
                    + "\"created_at\":\"t\",\"updated_at\":\"t\",\"last_login_at\":null,"
                    + "\"nickname\":\"ada\"}");

    assertThat(differences(apiUserSchema(), user))
        .containsExactlyInAnyOrder(
            "missing: email",
            "not in the API: nickname",
            "is_admin is string, the API says [boolean]");
  }

  /** The User schema of the OpenAPI document the web adapter serves at /openapi.json. */
  private static JsonNode apiUserSchema() throws Exception {
    try (InputStream in =
        UserJsonMatchesTheApiTest.class.getResourceAsStream(
            "/com/datamingle/adapter/web/openapi.json")) {
      assertThat(in).as("the web adapter's OpenAPI document").isNotNull();
      return JSON.readTree(in).at("/components/schemas/User");
    }
  }

  /** What sets the printed user apart from the schema: names, then each value's JSON type. */
  private static List<String> differences(JsonNode schema, JsonNode user) {
    JsonNode properties = schema.get("properties");
    Set<String> expected = new TreeSet<>();
    properties.fieldNames().forEachRemaining(expected::add);
    Set<String> actual = new TreeSet<>();
    user.fieldNames().forEachRemaining(actual::add);
    List<String> differences = new ArrayList<>();
    expected.stream()
        .filter(n -> !actual.contains(n))
        .forEach(n -> differences.add("missing: " + n));
    actual.stream()
        .filter(n -> !expected.contains(n))
        .forEach(n -> differences.add("not in the API: " + n));
    for (String name : expected) {
      if (!actual.contains(name)) {
        continue;
      }
      Set<String> types = new TreeSet<>();
      JsonNode type = properties.get(name).get("type");
      if (type.isArray()) {
        type.forEach(t -> types.add(t.asText()));
      } else {
        types.add(type.asText());
      }
      String printed = jsonType(user.get(name));
      if (!types.contains(printed)) {
        differences.add(name + " is " + printed + ", the API says " + types);
      }
    }
    return differences;
  }

  private static String jsonType(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case NULL -> "null";
      case ARRAY -> "array";
      default -> "object";
    };
  }
}
