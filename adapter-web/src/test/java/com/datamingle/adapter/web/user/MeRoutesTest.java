package com.datamingle.adapter.web.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.RouteTestApp;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.WorkOsUserId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/me} over the in-memory use cases: the first sign-in, reading and editing one's own
 * profile.
 */
class MeRoutesTest {
  /** Runs the test with the token of an editor who has signed in. */
  private static void asEditor(BiConsumer<Http, String> test) {
    RouteTestApp.run(
        (app, http) -> test.accept(http, app.signIn(http, "user_01EDITOR", "editor@example.com")));
  }

  @Test
  void theFirstVerifiedTokenCreatesTheUser() {
    RouteTestApp.run(
        (app, http) -> {
          Http.Response me = http.get("/api/me", app.token("user_01NEW", "New.Person@Example.com"));

          assertThat(me.status()).isEqualTo(200);
          JsonNode user = me.json();
          assertThat(user.get("workos_user_id").asText()).isEqualTo("user_01NEW");
          assertThat(user.get("email").asText()).isEqualTo("new.person@example.com");
          assertThat(user.get("is_active").asBoolean()).isTrue();
          assertThat(user.get("is_admin").asBoolean()).isFalse();
          assertThat(user.get("timezone").asText()).isEqualTo("UTC");
          assertThat(user.get("language").asText()).isEqualTo("en");
          assertThat(user.get("created_at").asText())
              .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
          assertThat(user.get("last_login_at").asText()).endsWith("Z");
          assertThat(user.has("last_session_id")).isFalse();
        });
  }

  @Test
  void withoutEmailClaimsTheProfileComesFromWorkOs() {
    RouteTestApp.run(
        (app, http) -> {
          app.directory.with(
              new WorkOsUserId("user_01PLAIN"),
              new IdentityProfile(
                  new Email("plain@example.com"), new PersonName("Plain"), null, null));

          Http.Response me =
              http.get("/api/me", app.workos.keys.token("user_01PLAIN", Instant.now()));

          assertThat(me.status()).isEqualTo(200);
          assertThat(me.json().get("email").asText()).isEqualTo("plain@example.com");
          assertThat(me.json().get("first_name").asText()).isEqualTo("Plain");
        });
  }

  @Test
  void whenWorkOsIsDownAFirstSignInIs503AndCreatesNoRow() {
    RouteTestApp.run(
        (app, http) -> {
          app.directory.goDown();

          Http.Response me =
              http.get("/api/me", app.workos.keys.token("user_01NOBODY", Instant.now()));

          assertThat(me.status()).isEqualTo(503);
          assertThat(me.header("Retry-After")).isNotNull();
          assertThat(app.users.writes()).isZero();
          assertThat(
                  app.services
                      .listUsers()
                      .listUsers(
                          com.datamingle.application.port.in.admin.ListUsersUseCase.Query
                              .firstPage())
                      .users())
              .isEmpty();
        });
  }

  @Test
  void aKnownSessionReadsWithoutWriting() {
    RouteTestApp.run(
        (app, http) -> {
          String token = app.signIn(http, "user_01READER", "reader@example.com");
          int writes = app.users.writes();

          for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/me", token).status()).isEqualTo(200);
          }

          assertThat(app.users.writes()).isEqualTo(writes);
        });
  }

  @Test
  void patchMeEditsTheProfile() {
    asEditor(
        (http, token) -> {
          Http.Response patched =
              http.patch(
                  "/api/me",
                  token,
                  "{\"first_name\":\" Grace"
                      + " \",\"last_name\":null,\"timezone\":\"Europe/Paris\",\"language\":\"pt-br\","
                      + "\"profile_picture_url\":\"https://img.example.com/g.png\"}");

          assertThat(patched.status()).as(patched.body()).isEqualTo(200);
          JsonNode user = patched.json();
          assertThat(user.get("first_name").asText()).isEqualTo("Grace");
          assertThat(user.get("last_name").isNull()).isTrue();
          assertThat(user.get("timezone").asText()).isEqualTo("Europe/Paris");
          assertThat(user.get("language").asText()).isEqualTo("pt-BR");
          assertThat(http.get("/api/me", token).json().get("profile_picture_url").asText())
              .isEqualTo("https://img.example.com/g.png");
        });
  }

  @Test
  void patchMeRefusesBadInputWithTheRightStatus() {
    asEditor(
        (http, token) -> {
          Http.Response unknown =
              http.patch(
                  "/api/me", token, "{\"nickname\":\"x\",\"email\":\"a@b.co\",\"is_admin\":true}");
          assertThat(unknown.status()).isEqualTo(422);
          assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
          assertThat(unknown.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:validation");
          assertThat(unknown.json().get("errors").get("email").asText()).isEqualTo("is read-only");
          assertThat(unknown.json().get("errors").get("is_admin").asText())
              .isEqualTo("is read-only");
          assertThat(unknown.json().get("errors").get("nickname").asText())
              .contains("not a known field");

          Http.Response invalid =
              http.patch(
                  "/api/me",
                  token,
                  "{\"timezone\":\"Mars/Base\",\"language\":\"!!\",\"first_name\":42,\"profile_picture_url\":\"ftp://x\"}");
          assertThat(invalid.status()).isEqualTo(422);
          assertThat(invalid.json().get("errors").fieldNames())
              .toIterable()
              .containsExactlyInAnyOrder(
                  "timezone", "language", "first_name", "profile_picture_url");
          assertThat(http.patch("/api/me", token, "{\"timezone\":null}").status()).isEqualTo(422);

          assertThat(http.patch("/api/me", token, "{\"first_name\":").status()).isEqualTo(400);
          assertThat(http.patch("/api/me", token, "").status()).isEqualTo(400);
          assertThat(http.patch("/api/me", token, "{} trailing").status()).isEqualTo(400);
          assertThat(
                  http.patch("/api/me", token, "{\"first_name\":\"a\",\"first_name\":\"b\"}")
                      .status())
              .isEqualTo(400);
          assertThat(http.patch("/api/me", token, "[1,2]").status()).isEqualTo(422);
          assertThat(
                  http.send(
                          "PATCH",
                          "/api/me",
                          Map.of("Authorization", "Bearer " + token, "Content-Type", "text/plain"),
                          "{}")
                      .status())
              .isEqualTo(415);
          assertThat(
                  http.send("PATCH", "/api/me", Map.of("Authorization", "Bearer " + token), "{}")
                      .status())
              .isEqualTo(415);
          Http.Response tooLarge =
              http.patch("/api/me", token, "{\"first_name\":\"" + "x".repeat(70_000) + "\"}");
          assertThat(tooLarge.status()).isEqualTo(413);
          assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        });
  }

  @Test
  void hostileBodiesNeverCauseA5xx() {
    RouteTestApp.run(
        (app, http) -> {
          String token = app.signIn(http, "user_01HOSTILE", "hostile@example.com");
          List<String> bodies =
              List.of(
                  "[".repeat(5_000),
                  "{\"a\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}",
                  "{\"first_name\":1e999999}",
                  "{\"first_name\":\"\\u0000\"}",
                  "\u0000\u0001\u0002",
                  "null",
                  "true",
                  "\"string\"",
                  "{\"timezone\":{\"$ne\":1}}",
                  "{\"language\":\"" + "a".repeat(60_000) + "\"}",
                  "{\"first_name\":\"\\ud800\"}",
                  "{\"__proto__\":{}}");
          for (String body : bodies) {
            Http.Response response = http.patch("/api/me", token, body);
            assertThat(response.status())
                .as(body.length() > 40 ? body.substring(0, 40) : body)
                .isBetween(400, 499);
          }
          String adminToken = app.people(http).get("admin");
          String id = app.idOf("user_01HOSTILE");
          for (String body : bodies) {
            assertThat(http.patch("/api/users/" + id, adminToken, body).status())
                .isBetween(400, 499);
          }
          assertThat(http.get("/api/users?limit=abc", adminToken).status()).isEqualTo(422);
          assertThat(http.get("/api/users?cursor=%00%01", adminToken).status()).isEqualTo(422);
          assertThat(http.get("/api/users?q=" + "%25".repeat(300), adminToken).status())
              .isEqualTo(422);
          assertThat(http.get("/api/users/%27%20OR%201=1--", adminToken).status()).isEqualTo(404);
        });
  }

  @Test
  void deactivatedUsersGet403OnEverySignedInRoute() {
    RouteTestApp.run(
        (app, http) -> {
          String gone = app.people(http).get("deactivated");
          Http.Response response = http.get("/api/me", gone);

          assertThat(response.status()).isEqualTo(403);
          assertThat(response.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:account-deactivated");
        });
  }
}
