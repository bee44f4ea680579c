package com.datamingle.adapter.cli.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.Http;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 on real processes: a change made through one instance, a webhook or the CLI reaches the
 * other instances (a request there is refused or served accordingly). Every wait polls with a
 * timeout far below the 30 s a listening instance caches a user, so a change that only aged out of
 * a cache fails the test.
 */
class PropagationIT {
  /** Generous against the milliseconds a change takes, well below the 30 s cache lifetime. */
  static final long TIMEOUT_MS = 15_000;

  static void await(String what, Supplier<Http.Response> call, int status, ServeInstances c) {
    long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
    Http.Response last = null;
    while (System.nanoTime() - deadline < 0) {
      last = call.get();
      if (last.status() == status) {
        return;
      }
      sleep(20);
    }
    throw new AssertionError(
        what + ": expected " + status + ", last " + last.status() + " " + last.body() + c.logs());
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void deactivationReactivationAndDemotionReachTheOtherInstance() {
    try (ServeInstances cluster = ServeInstances.onPostgres()) {
      List<ServeInstance> up = cluster.startReady(2, "serve", "--migrate");
      ServeInstance a = up.get(0);
      ServeInstance b = up.get(1);
      String admin = cluster.admin("boss@example.com");
      String token = cluster.token("user_01PROP", "prop@example.com");
      // both instances have the user in their caches
      Http.Response me = a.get("/api/me", token);
      assertThat(me.status()).as(cluster.logs()).isEqualTo(200);
      assertThat(b.get("/api/me", token).status()).isEqualTo(200);
      String path = "/api/users/" + me.json().get("id").asText();

      assertThat(a.patch(path, admin, "{\"is_active\":false}").status()).isEqualTo(200);
      await("deactivated on a, b refuses", () -> b.get("/api/me", token), 403, cluster);

      assertThat(a.patch(path, admin, "{\"is_active\":true}").status()).isEqualTo(200);
      await("re-activated on a, b serves", () -> b.get("/api/me", token), 200, cluster);

      // a second admin, promoted and used on b, then demoted through a
      assertThat(a.patch(path, admin, "{\"is_admin\":true}").status()).isEqualTo(200);
      await("promoted on a, b lets in", () -> b.get("/api/users", token), 200, cluster);
      assertThat(a.patch(path, admin, "{\"is_admin\":false}").status()).isEqualTo(200);
      await("demoted on a, b refuses", () -> b.get("/api/users", token), 403, cluster);

      // the CLI writes through the same persistence code
      CliRun off = cluster.cli("users", "deactivate", "prop@example.com");
      assertThat(off.exitCode()).as(off.err()).isZero();
      await("deactivated by the CLI, a refuses", () -> a.get("/api/me", token), 403, cluster);
      await("deactivated by the CLI, b refuses", () -> b.get("/api/me", token), 403, cluster);
    }
  }

  @Test
  void userDeletedSessionRevokedAndSignOutReachThreeInstances() {
    try (ServeInstances cluster = ServeInstances.onPostgres()) {
      List<ServeInstance> up = cluster.startReady(3, "serve", "--migrate");
      String admin = cluster.admin("boss@example.com");
      FakeWorkOs workos = cluster.workos();

      // user.deleted through instance 1's webhook: 2 and 3 refuse
      String gone = workos.token("user_01GONE", "gone@example.com", "session_01GONE");
      up.forEach(i -> assertThat(i.get("/api/me", gone).status()).isEqualTo(200));
      Http.Response hook =
          FakeWorkOs.sender(up.get(0).http())
              .deliver(
                  FakeWorkOs.userEvent(
                      "event_01DEL",
                      "user.deleted",
                      "user_01GONE",
                      "gone@example.com",
                      null,
                      Instant.now()));
      assertThat(hook.status()).as(hook.body()).isEqualTo(200);
      for (ServeInstance i : up.subList(1, 3)) {
        await("user.deleted on 1, " + i.name(), () -> i.get("/api/me", gone), 403, cluster);
      }

      // session.revoked: that session's tokens are refused everywhere, another session works
      String revoked = workos.token("user_01SESS", "sess@example.com", "session_01REVOKED");
      String other = workos.token("user_01SESS", "sess@example.com", "session_01OTHER");
      up.forEach(i -> assertThat(i.get("/api/me", revoked).status()).isEqualTo(200));
      Http.Response revoke =
          FakeWorkOs.sender(up.get(0).http())
              .deliver(
                  FakeWorkOs.sessionRevokedEvent(
                      "event_01REV", "session_01REVOKED", "user_01SESS", Instant.now()));
      assertThat(revoke.json().get("outcome").asText()).isEqualTo("applied");
      for (ServeInstance i : up) {
        await("session.revoked, " + i.name(), () -> i.get("/api/me", revoked), 401, cluster);
        Http.Response refused = i.get("/api/me", revoked);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(i.get("/api/me", other).status()).isEqualTo(200);
      }

      // users sign-out by the CLI: every token issued before is refused on every instance
      String before = workos.token("user_01SIGN", "sign@example.com", "session_01SIGN");
      up.forEach(i -> assertThat(i.get("/api/me", before).status()).isEqualTo(200));
      CliRun out = cluster.cli("users", "sign-out", "sign@example.com", "--json");
      assertThat(out.exitCode()).as(out.err()).isZero();
      assertThat(out.out()).contains("\"revoked_sessions\":0");
      for (ServeInstance i : up) {
        await("signed out by the CLI, " + i.name(), () -> i.get("/api/me", before), 401, cluster);
      }
      // a token issued after the sign-out (a later second) is served
      await(
          "a new sign-in after the sign-out",
          () ->
              up.get(2)
                  .get("/api/me", workos.token("user_01SIGN", "sign@example.com", "session_01NEW")),
          200,
          cluster);

      // POST /api/users/{id}/sign-out on instance 3, with WorkOS sessions to revoke
      String route = workos.token("user_01ROUTE", "route@example.com", "session_01ROUTE");
      Http.Response me = up.get(0).get("/api/me", route);
      assertThat(me.status()).isEqualTo(200);
      up.forEach(i -> assertThat(i.get("/api/me", route).status()).isEqualTo(200));
      workos.session("user_01ROUTE", "session_01ROUTE").session("user_01ROUTE", "session_01TWO");
      Http.Response signOut =
          up.get(2).post("/api/users/" + me.json().get("id").asText() + "/sign-out", admin, "{}");
      assertThat(signOut.status()).as(signOut.body()).isEqualTo(200);
      assertThat(signOut.json().get("workos").get("revoked_sessions").asInt()).isEqualTo(2);
      assertThat(workos.revokedSessions()).contains("session_01ROUTE", "session_01TWO");
      for (ServeInstance i : up) {
        await("signed out by the route, " + i.name(), () -> i.get("/api/me", route), 401, cluster);
      }
      // members cannot sign others out
      assertThat(
              up.get(0)
                  .post("/api/users/" + me.json().get("id").asText() + "/sign-out", other, "{}")
                  .status())
          .isEqualTo(403);
    }
  }

  @Test
  void anInstanceWhoseListenerIsCutDegradesReconnectsAndHearsChangesAgain() throws Exception {
    try (ServeInstances cluster = ServeInstances.onPostgres()) {
      List<ServeInstance> up = cluster.startReady(2, "serve", "--migrate");
      ServeInstance a = up.get(0);
      ServeInstance b = up.get(1);
      assertThat(b.get("/ready", null).json().get("detail").asText())
          .isEqualTo("invalidation: live");
      String admin = cluster.admin("boss@example.com");
      String token = cluster.token("user_01CUT", "cut@example.com");
      Http.Response me = b.get("/api/me", token);
      assertThat(me.status()).as(cluster.logs()).isEqualTo(200);

      java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
      java.util.concurrent.atomic.AtomicBoolean watching =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      Thread watcher =
          new Thread(
              () -> {
                while (watching.get()) {
                  Http.Response ready = b.get("/ready", null);
                  seen.add(ready.status() + " " + ready.json().path("detail").asText());
                  sleep(10);
                }
              });
      watcher.start();
      int cut;
      try (var c = cluster.database().connect();
          var s =
              c.prepareStatement(
                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                      + " WHERE application_name = ?")) {
        s.setString(
            1,
            channel(cluster.database().schema())
                .replace("datamingle_changes_", "datamingle-listener-"));
        try (var rs = s.executeQuery()) {
          rs.next();
          cut = rs.getInt(1);
        }
      }
      assertThat(cut).as("the listeners of both instances were found").isEqualTo(2);
      long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
      while (!(seen.contains("200 invalidation: degraded")
              && b.stderr().contains("hearing the changes of other processes again"))
          && System.nanoTime() - deadline < 0) {
        sleep(20);
      }
      watching.set(false);
      watcher.join();
      assertThat(seen).as("ready stays 200 and says so").contains("200 invalidation: degraded");
      assertThat(b.stderr())
          .contains("lost the connection that hears other processes' changes")
          .contains("hearing the changes of other processes again");
      await("back to live", () -> b.get("/ready", null), 200, cluster);
      assertThat(b.get("/ready", null).json().get("detail").asText())
          .isEqualTo("invalidation: live");

      // after the reconnect, changes are heard again
      assertThat(b.get("/api/me", token).status()).isEqualTo(200);
      String path = "/api/users/" + me.json().get("id").asText();
      assertThat(a.patch(path, admin, "{\"is_active\":false}").status()).isEqualTo(200);
      await(
          "deactivated on a after the cut, b refuses", () -> b.get("/api/me", token), 403, cluster);
    }
  }

  /** The channel the instances of this schema share (as the persistence adapter names it). */
  static String channel(String schema) throws Exception {
    byte[] hash =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(schema.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "datamingle_changes_" + java.util.HexFormat.of().formatHex(hash, 0, 8);
  }
}
