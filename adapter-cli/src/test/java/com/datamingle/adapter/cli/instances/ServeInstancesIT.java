package com.datamingle.adapter.cli.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.adapter.web.testing.Http;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: two real processes on one schema accept one token and see one database. */
class ServeInstancesIT {
  @Test
  void twoInstancesShareTheDatabaseAndTrustTheSameTokens() {
    ServeInstance first;
    try (ServeInstances cluster = ServeInstances.onPostgres()) {
      cluster.workos().user("user_01HARNESS", "harness@example.com", "Ada", "Lovelace");
      List<ServeInstance> up = cluster.startReady(2, "serve", "--migrate");
      first = up.get(0);
      assertThat(up).extracting(ServeInstance::port).doesNotHaveDuplicates();

      String token = cluster.token("user_01HARNESS", "harness@example.com");
      Http.Response me = up.get(0).get("/api/me", token);
      assertThat(me.status()).as(cluster.logs()).isEqualTo(200);
      // the user the first instance created is the one the second reads and the CLI sees
      assertThat(up.get(1).get("/api/me", token).json().get("id").asText())
          .isEqualTo(me.json().get("id").asText());
      String admin = cluster.admin("boss@example.com");
      Http.Response users = up.get(1).get("/api/users", admin);
      assertThat(users.status()).as(users.body()).isEqualTo(200);
      assertThat(users.body()).contains("harness@example.com");
      Http.Response renamed = up.get(1).patch("/api/me", token, "{\"first_name\":\"Grace\"}");
      assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

      CliRun shown = cluster.cli("users", "show", "harness@example.com");
      assertThat(shown.exitCode()).as(shown.err()).isZero();
      assertThat(shown.out()).contains("Grace");
      CliRun current = cluster.jarCli("db", "current");
      assertThat(current.exitCode()).as(current.err()).isZero();
      assertThat(up.get(0).stderr()).contains("datamingle listening on " + up.get(0).baseUrl());
    }
    assertThat(first.alive()).as("close() stopped the instances").isFalse();
    assertThat(first.process().exitValue()).as(first.logs()).isZero();
  }
}
