package com.datamingle.adapter.cli.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /api/me} and {@code /api/users} through the whole service on each database: what the route
 * tests over in-memory use cases cannot show (times as the database stores them, the real WorkOS
 * client, paging and search in SQL, the user cache, the metrics of a real key store).
 */
@ParameterizedClass
@EnumSource(FullStack.Database.class)
class UserApiIT {
  @Parameter FullStack.Database database;
  @TempDir Path dir;
  FullStack app;
  Http http;

  @BeforeEach
  void start() throws Exception {
    app = FullStack.start(database, dir);
    http = app.http();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void theFirstVerifiedTokenCreatesTheUser() {
    Http.Response me = http.get("/api/me", app.token("user_01NEW", "New.Person@Example.com"));

    assertThat(me.status()).isEqualTo(200);
    JsonNode user = me.json();
    assertThat(user.get("email").asText()).isEqualTo("new.person@example.com");
    assertThat(user.get("created_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    assertThat(user.get("last_login_at").asText()).endsWith("Z");
    assertThat(http.get("/api/me", app.token("user_01NEW", "new.person@example.com")).json())
        .as("read back from the database")
        .isEqualTo(user);
  }

  @Test
  void withoutEmailClaimsTheProfileComesFromWorkOsOnce() {
    app.workos().user("user_01PLAIN", "plain@example.com", "Plain", null);
    String token = app.workos().keys.token("user_01PLAIN", Instant.now());

    Http.Response me = http.get("/api/me", token);

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asText()).isEqualTo("plain@example.com");
    assertThat(me.json().get("first_name").asText()).isEqualTo("Plain");
    assertThat(http.get("/api/me", token).status()).isEqualTo(200);
    assertThat(app.workos().userCalls()).isEqualTo(1);
    assertThat(
            http.get("/api/me", app.workos().keys.token("user_99UNKNOWN", Instant.now())).status())
        .isEqualTo(401);
  }

  @Test
  void whenWorkOsIsDownAFirstSignInIs503AndChangesNoRow() {
    app.workos().usersDown(true);
    String before = app.snapshot();

    Http.Response me = http.get("/api/me", app.workos().keys.token("user_01NOBODY", Instant.now()));

    assertThat(me.status()).isEqualTo(503);
    assertThat(me.header("Retry-After")).isNotNull();
    assertThat(app.snapshot()).isEqualTo(before);
  }

  @Test
  void aKnownSessionReadsWithoutWriting() {
    String token = app.signIn("user_01READER", "reader@example.com");
    String before = app.snapshot();

    for (int i = 0; i < 5; i++) {
      assertThat(http.get("/api/me", token).status()).isEqualTo(200);
    }

    assertThat(app.snapshot()).isEqualTo(before);
  }

  @Test
  void anEditIsStored() {
    String token = app.signIn("user_01EDITOR", "editor@example.com");

    Http.Response patched =
        http.patch(
            "/api/me",
            token,
            "{\"first_name\":\" Grace \",\"timezone\":\"Europe/Paris\",\"language\":\"pt-br\"}");

    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(app.user("user_01EDITOR").orElseThrow())
        .satisfies(
            u -> {
              assertThat(u.firstName().value()).isEqualTo("Grace");
              assertThat(u.timezone().id()).isEqualTo("Europe/Paris");
              assertThat(u.language().tag()).isEqualTo("pt-BR");
            });
  }

  @Test
  void adminsListUsersInCursorPagesWithFilters() {
    String admin = app.admin("admin@example.com");
    assertThat(http.get("/api/me", admin).status()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      http.get("/api/me", app.token("user_01EXTRA" + i, "extra" + i + "@example.com"));
    }
    String gone = app.token("user_01GONE", "gone@example.com");
    String goneId = http.get("/api/me", gone).json().get("id").asText();
    assertThat(http.patch("/api/users/" + goneId, admin, "{\"is_active\":false}").status())
        .isEqualTo(200);

    Http.Pages all = http.allUsers("limit=3", admin);

    assertThat(all.emails()).hasSize(7).doesNotHaveDuplicates();
    assertThat(all.pages()).isEqualTo(3);
    assertThat(http.get("/api/users?q=EXTRA", admin).json().get("users")).hasSize(5);
    assertThat(http.get("/api/users?active=false", admin).json().get("users")).hasSize(1);
    assertThat(http.get("/api/users?admin=true", admin).json().get("users").get(0).get("email"))
        .hasToString("\"admin@example.com\"");
    assertThat(http.get("/api/users/" + goneId, admin).json().get("is_active").asBoolean())
        .isFalse();
    assertThat(http.get("/api/me", gone).status()).isEqualTo(403);
  }

  @Test
  void metricsCountRequestsAndJwksFetchesAndHoldTheJvmProcessPoolAndSchema() {
    http.get("/api/me", app.token("user_01M", "m@example.com"));

    String metrics = http.get("/metrics", null).body();

    assertThat(metrics)
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/me\",status=\"200\"}")
        .containsPattern("datamingle_jwks_fetches_total 1(\\.0)?")
        .contains(
            "jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ")
        .contains("jvm_gc_", "process_cpu_usage ", "process_files_open_files ")
        .contains("process_uptime_seconds ", "process_start_time_seconds ")
        .containsPattern("hikaricp_connections_max\\{pool=\"datamingle\"} \\d+")
        .contains("hikaricp_connections_active{pool=\"datamingle\"}")
        .containsPattern("datamingle_schema_version (2\\.0261201051E13|20261201051000(\\.0)?)\n")
        .containsPattern("datamingle_schema_pending_migrations 0(\\.0)?\n")
        .contains("datamingle_workos_sync_lag_seconds NaN\n") // no WorkOS event yet
        .doesNotContain("datamingle_db_pool_");
  }
}
