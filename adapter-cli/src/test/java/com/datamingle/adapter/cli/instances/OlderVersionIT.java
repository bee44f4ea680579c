package com.datamingle.adapter.cli.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.scripts.ScriptSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling deploy on PostgreSQL with real processes: the packaged jar is the older version, the
 * same jar over a scripts folder with one more migration is the newer one. Older instances keep
 * serving an additive change and say so; a change that takes away what they use takes them out of
 * /ready and keeps new ones from starting, with what to do.
 */
class OlderVersionIT {
  @TempDir Path dir;

  static Map<String, String> newer(NewerScripts scripts) {
    return Map.of("DATAMINGLE_MIGRATIONS", scripts.root().toString());
  }

  @Test
  void olderInstancesKeepServingAnAdditiveChangeAndSaySo() {
    NewerScripts scripts =
        NewerScripts.copyPackaged(dir)
            .add(
                "20991231000001",
                "add nickname",
                "ALTER TABLE users ADD COLUMN nickname VARCHAR(50);\n"
                    + "CREATE TABLE teams (id VARCHAR(40) NOT NULL PRIMARY KEY,"
                    + " name VARCHAR(100) NOT NULL);",
                "--",
                "DROP TABLE teams;\nALTER TABLE users DROP COLUMN nickname;");
    try (ServeInstances cluster = ServeInstances.onPostgres()) {
      cluster.workos().user("user_01OLD", "old@example.com", "Ada", "Lovelace");
      ServeInstance old = cluster.start("serve", "--migrate").awaitReady();
      ServeInstance newer = cluster.start(newer(scripts), "serve", "--migrate").awaitReady();
      assertThat(newer.stderr()).contains("Applying 20991231000001 add nickname");

      // the running older instance stays in the load balancer, and says why
      Http.Response ready = old.get("/ready", null);
      assertThat(ready.status()).as(ready.body()).isEqualTo(200);
      assertThat(ready.json().get("detail").asText())
          .contains("20991231000001 add nickname")
          .contains("additive");
      String token = cluster.token("user_01OLD", "old@example.com");
      assertThat(old.get("/api/me", token).status()).as(old.logs()).isEqualTo(200);
      Http.Response renamed = old.patch("/api/me", token, "{\"first_name\":\"Grace\"}");
      assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
      assertThat(newer.get("/api/me", token).json().get("first_name").asText()).isEqualTo("Grace");

      // an older instance started now serves too, with a WARN line naming the migration
      ServeInstance late = cluster.start("serve").awaitReady();
      for (ServeInstance older : List.of(old, late)) {
        assertThat(older.lines())
            .as(older.logs())
            .anyMatch(
                line ->
                    line.contains("WARN")
                        && line.contains("20991231000001 add nickname")
                        && line.contains("keeps serving"))
            .noneMatch(line -> line.contains("ERROR"));
      }
      assertThat(late.get("/api/me", token).status()).isEqualTo(200);
    }
  }

  @Test
  void aChangeThatTakesAwayWhatOlderCodeUsesRefusesItWithWhatToDo() {
    NewerScripts scripts =
        NewerScripts.copyPackaged(dir)
            .add(
                "20991231000002",
                "rework sessions",
                "ALTER TABLE users DROP COLUMN last_session_id;\n"
                    + "ALTER TABLE workos_events ADD COLUMN source VARCHAR(20) NOT NULL;",
                "--",
                "ALTER TABLE workos_events DROP COLUMN source;\n"
                    + "ALTER TABLE users ADD COLUMN last_session_id VARCHAR(100);");
    try (ServeInstances cluster = ServeInstances.onPostgres()) {
      ServeInstance old = cluster.start("serve", "--migrate").awaitReady();
      Map<String, String> env = new HashMap<>(cluster.env());
      env.putAll(newer(scripts));
      // the newer version's author accepted the drop for this run (the lint gate refuses it)
      CliRun upgrade = CliRun.run(env, "db", "upgrade", "--allow", "drop-column");
      assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();

      // the running older instance leaves the load balancer and says why
      Http.Response ready = old.get("/ready", null);
      assertThat(ready.status()).as(ready.body()).isEqualTo(503);
      assertThat(ready.body())
          .contains("incompatible")
          .contains("column users.last_session_id is gone")
          .contains("deploy the newer version");
      assertThat(old.stderr()).contains("ERROR").contains("20991231000002 rework sessions");

      // older instances started now refuse, with or without --migrate
      ServeInstance plain = cluster.start("serve");
      ServeInstance migrating = cluster.start("serve", "--migrate");
      for (ServeInstance refused : List.of(plain, migrating)) {
        assertThat(refused.awaitExit()).as(refused.logs()).isNotZero();
        assertThat(refused.stdout() + refused.stderr())
            .contains("refusing to serve")
            .contains("20991231000002 rework sessions")
            .contains("column users.last_session_id is gone (dropped or renamed)")
            .contains(
                "new column workos_events.source is NOT NULL without a default: rows this version"
                    + " inserts would be refused")
            .contains("Deploy the newer version")
            .contains("`datamingle db downgrade " + newestPackaged() + "`")
            .doesNotContain("Exception");
      }
    }
  }

  static String newestPackaged() {
    return ScriptSource.packaged().list(Dialect.POSTGRESQL).stream()
        .sorted()
        .reduce((a, b) -> b)
        .orElseThrow()
        .substring(0, 14);
  }
}
