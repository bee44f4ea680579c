package com.datamingle.adapter.cli.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.migrations.testing.FlaskPrototype;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Flask prototype's SQLite database imported with {@code db import} into the database the
 * service runs on (fresh, at head, no users yet), on each database: its users sign in with their
 * WorkOS ids and are the same users, admin flag and preferences kept.
 */
@ParameterizedClass
@EnumSource(FullStack.Database.class)
class ImportedUsersIT {
  static final String ADMIN = "user_01PROTOADMIN0000000000000";

  @Parameter FullStack.Database database;
  @TempDir Path dir;
  FullStack app;

  @BeforeEach
  void start() throws Exception {
    app = FullStack.start(database, dir);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aPrototypeUserSignsInAsThemselvesWithTheirAdminFlag() throws Exception {
    Path prototype = dir.resolve("prototype.sqlite");
    FlaskPrototype.copySqliteTo(prototype);
    Map<String, String> env =
        Map.of(
            "DATABASE_URL",
            app.settings().databaseUrl(),
            "WORKOS_API_BASE_URL",
            app.workos().baseUrl().toString());

    CliRun imported =
        CliRun.run(
            env,
            "db",
            "import",
            "--from",
            "sqlite:///" + prototype,
            "--yes",
            "--on-bad-email=placeholder");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    String id = app.user(ADMIN).orElseThrow().id().toString();

    Http.Response me = app.http().get("/api/me", app.token(ADMIN, "ada@example.com"));
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("id").asText()).isEqualTo(id);
    assertThat(me.json().get("is_admin").asBoolean()).isTrue();
    assertThat(me.json().get("timezone").asText()).isEqualTo("Europe/London");
    Http.Response users = app.http().get("/api/users", app.token(ADMIN, "ada@example.com"));
    assertThat(users.status()).as(users.body()).isEqualTo(200);
    assertThat(users.body()).contains("jose.munoz@example.com").contains("李");
    assertThat(app.workos().userCalls()).as("known users are not fetched from WorkOS").isZero();
  }
}
