package com.datamingle.adapter.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.adapter.cli.instances.NewerScripts;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.scripts.ScriptSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve (in this JVM, on SQLite) of a build older than the schema: a newer build's scripts folder
 * migrated the database first, and the packaged scripts are this older build's.
 */
class NewerSchemaTest {
  @TempDir Path dir;
  final List<String> said = new CopyOnWriteArrayList<>();

  String databaseUrl() {
    return "jdbc:sqlite:" + dir.resolve("db.sqlite");
  }

  /**
   * The newer build upgrades the database with one more migration, its lint gate passed with {@code
   * allow} (the rules its author accepted).
   */
  void newerBuildMigrates(
      String id, String description, String sqlite, String undo, String... allow) {
    NewerScripts newer =
        NewerScripts.copyPackaged(dir.resolve("newer")).add(id, description, "--", sqlite, undo);
    CliRun upgrade =
        CliRun.run(
            Map.of("DATABASE_URL", databaseUrl(), "DATAMINGLE_MIGRATIONS", newer.root().toString()),
            Stream.concat(
                    Stream.of("db", "upgrade"),
                    Stream.of(allow).flatMap(r -> Stream.of("--allow", r)))
                .toArray(String[]::new));
    assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
  }

  /** This older build's serve (dev mode, which migrates when the schema is behind). */
  ServiceRuntime serveOlder() {
    Settings settings =
        Settings.fromEnvironment(
            Map.of("DATABASE_URL", databaseUrl(), "PORT", "0", "BIND_ADDRESS", "127.0.0.1"));
    return ServeWiring.serve(
        settings,
        new ServeOptions(
            true, true, false, dir.resolve("dev"), null, said::add, Set.of(), WarmUpBudget.OFF),
        Clock.systemUTC());
  }

  static String newestPackaged() {
    List<String> names = ScriptSource.packaged().list(Dialect.SQLITE);
    return names.stream().sorted().reduce((a, b) -> b).orElseThrow().substring(0, 14);
  }

  @Test
  void anAdditiveNewerSchemaIsServedAndReadySaysSo() {
    newerBuildMigrates(
        "20991231000001",
        "add nickname",
        "ALTER TABLE users ADD COLUMN nickname TEXT;\n"
            + "CREATE TABLE teams (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL);",
        "DROP TABLE teams;\nALTER TABLE users DROP COLUMN nickname;");

    try (ServiceRuntime runtime = serveOlder()) {
      Http http = new Http("http://127.0.0.1:" + runtime.port());
      Http.Response ready = http.get("/ready", null);
      assertThat(ready.status()).as(ready.body()).isEqualTo(200);
      assertThat(ready.json().get("detail").asText())
          .contains("20991231000001 add nickname")
          .contains("additive");
      String token =
          DevTokens.mint(
                  Settings.fromEnvironment(Map.of("DATABASE_URL", databaseUrl())),
                  dir.resolve("dev"),
                  new DevTokens.Request(
                      List.of("old@example.com"), "Ada", null, false, Duration.ofMinutes(5)),
                  Clock.systemUTC())
              .get(0);
      // the older build still creates and updates users in the newer schema
      assertThat(http.get("/api/me", token).status()).isEqualTo(200);
      assertThat(http.patch("/api/me", token, "{\"first_name\":\"Grace\"}").status())
          .isEqualTo(200);
    }
    assertThat(said).noneMatch(line -> line.contains("refusing"));
  }

  @Test
  void aNewerSchemaThatDroppedAColumnOfThisBuildIsRefused() {
    newerBuildMigrates(
        "20991231000002",
        "drop session column",
        "ALTER TABLE users DROP COLUMN last_session_id;",
        "ALTER TABLE users ADD COLUMN last_session_id TEXT;",
        "drop-column");

    assertThatThrownBy(this::serveOlder)
        .isInstanceOf(ServiceRefused.class)
        .message()
        .contains("refusing to serve")
        .contains("newer than this version")
        .contains("20991231000002 drop session column")
        .contains("column users.last_session_id is gone (dropped or renamed)")
        .contains("Deploy the newer version")
        .contains("`datamingle db downgrade " + newestPackaged() + "`");
  }
}
