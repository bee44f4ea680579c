package com.datamingle.adapter.cli.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.testing.Http;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged profile edit is lost when PostgreSQL dies: a real server takes {@code PATCH
 * /api/me} from many users at once (so that edits of different users share transactions), the
 * PostgreSQL server of this test is killed with {@code SIGKILL} while they run, started again
 * (crash recovery from its WAL), and every user's stored edit is at least the last one the server
 * acknowledged with 200 (or the one that was in flight when the database died, which may have
 * committed without its answer getting out).
 */
class ProfileEditsSurvivePostgresKillIT {
  private static final int USERS = 16;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEditIsStoredAfterAKillAndRestart() throws Exception {
    try (OwnPostgres pg = OwnPostgres.start();
        FullStack stack = FullStack.startOn(pg.url(), dir)) {
      List<String> tokens = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        tokens.add(stack.signIn("user_01HKILL" + u, "kill" + u + "@example.com"));
      }
      int[] acknowledged = new int[USERS];
      int[] sent = new int[USERS];
      AtomicInteger total = new AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(USERS);
      List<Future<?>> editors = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        int user = u;
        editors.add(
            pool.submit(
                () -> {
                  Http http = stack.http();
                  for (int seq = 1; !stop.get() && seq < 100_000; seq++) {
                    sent[user] = seq;
                    Http.Response answer;
                    try {
                      answer =
                          http.patch(
                              "/api/me", tokens.get(user), "{\"first_name\":\"e" + seq + "\"}");
                    } catch (AssertionError connectionFailed) {
                      return;
                    }
                    if (answer.status() != 200) {
                      return; // the database is gone: this edit was not acknowledged
                    }
                    acknowledged[user] = seq;
                    total.incrementAndGet();
                  }
                }));
      }
      for (int i = 0; i < 1200 && total.get() < 40 * USERS; i++) {
        Thread.sleep(50);
      }
      assertThat(total.get()).as("edits acknowledged before the kill").isPositive();

      pg.killNine();
      stop.set(true);
      for (Future<?> editor : editors) {
        editor.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      pg.startServer();

      try (Connection c = pg.connect();
          PreparedStatement s =
              c.prepareStatement("SELECT first_name FROM users WHERE workos_user_id = ?")) {
        for (int u = 0; u < USERS; u++) {
          s.setString(1, "user_01HKILL" + u);
          try (ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as("user %d is stored", u).isTrue();
            String name = rs.getString(1);
            int stored = name == null ? 0 : Integer.parseInt(name.substring(1));
            assertThat(stored)
                .as("user %d: acknowledged edit %d, sent %d", u, acknowledged[u], sent[u])
                .isBetween(acknowledged[u], sent[u]);
          }
        }
      }
      // and the server serves again once the database is back
      assertThat(stack.http().patch("/api/me", tokens.get(0), "{\"last_name\":\"Back\"}").status())
          .isEqualTo(200);
    }
  }
}
