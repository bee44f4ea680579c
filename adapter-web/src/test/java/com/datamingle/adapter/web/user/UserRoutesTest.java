package com.datamingle.adapter.web.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.RouteTestApp;
import com.datamingle.application.port.in.admin.UserReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/users} over the in-memory use cases: admins list, read and change users. */
class UserRoutesTest {
  @Test
  void adminsListUsersInCursorPagesWithFilters() {
    RouteTestApp.run(
        (app, http) -> {
          String admin = app.people(http).get("admin");
          for (int i = 0; i < 5; i++) {
            http.get("/api/me", app.token("user_01EXTRA" + i, "extra" + i + "@example.com"));
          }

          Http.Pages all = http.allUsers("limit=3", admin);

          assertThat(all.emails()).hasSize(8).doesNotHaveDuplicates();
          assertThat(all.pages()).isEqualTo(3);
          assertThat(http.get("/api/users?q=EXTRA", admin).json().get("users")).hasSize(5);
          assertThat(http.get("/api/users?active=false", admin).json().get("users")).hasSize(1);
          assertThat(
                  http.get("/api/users?admin=true", admin)
                      .json()
                      .get("users")
                      .get(0)
                      .get("email")
                      .asText())
              .isEqualTo("admin@example.com");
          Http.Response bad = http.get("/api/users?limit=201&active=maybe&sort=email", admin);
          assertThat(bad.status()).isEqualTo(422);
          assertThat(bad.json().get("errors").fieldNames())
              .toIterable()
              .containsExactlyInAnyOrder("limit", "active", "sort");
          assertThat(http.get("/api/users?limit=0", admin).status()).isEqualTo(422);
          assertThat(http.get("/api/users?cursor=bm9wZQ", admin).status()).isEqualTo(422);
        });
  }

  @Test
  void adminsReadAndChangeOneUserButNeverRemoveTheLastAdmin() {
    RouteTestApp.run(
        (app, http) -> {
          String admin = app.people(http).get("admin");
          String memberId = app.idOf(RouteTestApp.MEMBER_SUB);
          String adminId = app.idOf(RouteTestApp.ADMIN_SUB);

          assertThat(http.get("/api/users/" + memberId, admin).json().get("email").asText())
              .isEqualTo("member@example.com");
          assertThat(http.get("/api/users/0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", admin).status())
              .isEqualTo(404);
          assertThat(http.get("/api/users/not-a-uuid", admin).status()).isEqualTo(404);

          Http.Response lastAdmin =
              http.patch("/api/users/" + adminId, admin, "{\"is_admin\":false}");
          assertThat(lastAdmin.status()).isEqualTo(409);
          assertThat(lastAdmin.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:last-active-admin");
          assertThat(http.patch("/api/users/" + adminId, admin, "{\"is_active\":false}").status())
              .isEqualTo(409);

          Http.Response promoted =
              http.patch("/api/users/" + memberId, admin, "{\"is_admin\":true}");
          assertThat(promoted.status()).isEqualTo(200);
          assertThat(promoted.json().get("is_admin").asBoolean()).isTrue();
          assertThat(http.patch("/api/users/" + adminId, admin, "{\"is_admin\":false}").status())
              .isEqualTo(200);
          assertThat(http.patch("/api/users/" + memberId, admin, "{\"email\":\"x@y.zz\"}").status())
              .isEqualTo(403);
          assertThat(
                  http.patch(
                          "/api/users/" + memberId,
                          app.token("user_01MEMBER", "member@example.com"),
                          "{\"is_active\":\"yes\"}")
                      .status())
              .isEqualTo(422);
        });
  }

  @Test
  void methodOverrideCannotGetAroundRoles() {
    RouteTestApp.withPeople(
        (app, http, tokens) -> {
          String adminId = app.idOf(RouteTestApp.ADMIN_SUB);

          Http.Response overridden =
              http.send(
                  "POST",
                  "/api/users/" + adminId,
                  Map.of(
                      "Authorization",
                      "Bearer " + tokens.get("member"),
                      "X-HTTP-Method-Override",
                      "PATCH",
                      "Content-Type",
                      "application/json"),
                  "{\"is_admin\":false}");

          assertThat(overridden.status()).isIn(403, 404, 405);
          assertThat(
                  app.services
                      .getUser()
                      .getUser(UserReference.parse(RouteTestApp.ADMIN_SUB))
                      .admin())
              .isTrue();
        });
  }

  @Test
  void adminsSignAUserOutEverywhereAndTheTokensTheyHadAreRefused() {
    RouteTestApp.withPeople(
        (app, http, tokens) -> {
          String memberId = app.idOf(RouteTestApp.MEMBER_SUB);
          // the application's clock to now: the member's token was issued before the sign-out
          app.clock.advance(
              java.time.Duration.between(app.clock.instant(), java.time.Instant.now()));
          assertThat(
                  http.send(
                          "POST",
                          "/api/users/" + memberId + "/sign-out",
                          Map.of("Authorization", "Bearer " + tokens.get("member")),
                          null)
                      .status())
              .as("members cannot sign anyone out")
              .isEqualTo(403);

          Http.Response out =
              http.send(
                  "POST",
                  "/api/users/" + memberId + "/sign-out",
                  Map.of("Authorization", "Bearer " + tokens.get("admin")),
                  null);

          assertThat(out.status()).as(out.body()).isEqualTo(200);
          assertThat(out.json().get("user").get("id").asText()).isEqualTo(memberId);
          assertThat(out.json().get("signed_out_at").asText()).isNotBlank();
          assertThat(out.json().get("workos").get("revoked_sessions").asInt()).isZero();
          Http.Response refused = http.get("/api/me", tokens.get("member"));
          assertThat(refused.status()).isEqualTo(401);
          assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
          assertThat(refused.json().get("detail").asText()).contains("signed out");
          assertThat(http.get("/api/me", tokens.get("admin")).status()).isEqualTo(200);
          assertThat(
                  http.send(
                          "POST",
                          "/api/users/0190d0c2-0000-7000-8000-000000000000/sign-out",
                          Map.of("Authorization", "Bearer " + tokens.get("admin")),
                          null)
                      .status())
              .isEqualTo(404);
        });
  }
}
