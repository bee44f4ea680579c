package com.datamingle.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.bootstrap.ServiceRuntime;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.bootstrap.Wiring;
import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.JwksServer;
import com.datamingle.adapter.web.testing.TestKeys;
import com.datamingle.migrations.MigrationListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datamingle db import} from the Flask prototype's database into a fresh one, through the
 * command line with the domain's rules, then served: each subclass gives the database kind.
 */
abstract class ImportCommandContract {
  static final String ADMIN = "user_01PROTOADMIN0000000000000";
  static final String NO_EMAIL = "user_01PROTONOEMAIL00000000000";

  @TempDir Path files;
  final TestKeys keys = new TestKeys("kid_import");
  JwksServer jwks;
  FakeWorkOsApi workos;

  /** DATABASE_URL of a fresh, empty target. */
  abstract String targetUrl() throws Exception;

  /** The URL of a new copy of the prototype's database. */
  abstract String prototypeUrl() throws Exception;

  /** True when the target holds no table (nothing was written to it). */
  abstract boolean untouched(String targetUrl) throws Exception;

  @BeforeEach
  void fakes() throws Exception {
    jwks = new JwksServer(keys);
    workos = new FakeWorkOsApi();
  }

  @AfterEach
  void stopFakes() {
    jwks.close();
    workos.close();
  }

  Map<String, String> env(String target) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", target);
    env.put("WORKOS_CLIENT_ID", "client_TEST");
    env.put("WORKOS_ISSUERS", TestKeys.ISSUER);
    env.put("WORKOS_JWKS_URL", jwks.url().toString());
    env.put("WORKOS_API_BASE_URL", workos.baseUrl());
    return env;
  }

  @Test
  void thePrototypeImportsAndItsUsersSignInAsThemselvesWithTheirAdminFlag() throws Exception {
    String target = targetUrl();
    Map<String, String> env = env(target);

    CliRun imported =
        CliRun.run(
            env, "db", "import", "--from", prototypeUrl(), "--yes", "--on-bad-email=placeholder");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .containsPattern("users +5 row\\(s\\), checksum source (\\w+) target \\1 ok")
        .contains(NO_EMAIL.toLowerCase() + "@missing-email.invalid")
        .contains("Times are kept to the millisecond");
    assertThat(CliRun.run(env, "db", "drift").out()).contains("No drift");
    CliRun shown = CliRun.run(env, "users", "show", ADMIN, "--json");
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    JsonNode admin = new ObjectMapper().readTree(shown.out());
    assertThat(admin.get("email").asText()).isEqualTo("ada@example.com");

    Map<String, String> serving = new HashMap<>(env);
    serving.put("PORT", "0");
    serving.put("BIND_ADDRESS", "127.0.0.1");
    try (ServiceRuntime runtime =
        Wiring.serve(
            Settings.fromEnvironment(serving),
            new Wiring.ServeOptions(
                false, false, false, files.resolve("dev"), MigrationListener.SILENT, line -> {}),
            Clock.systemUTC())) {
      Http http = new Http("http://127.0.0.1:" + runtime.port());
      Http.Response me = http.get("/api/me", keys.token(ADMIN, Instant.now()));
      assertThat(me.status()).as(me.body()).isEqualTo(200);
      assertThat(me.json().get("id").asText()).isEqualTo(admin.get("id").asText());
      assertThat(me.json().get("is_admin").asBoolean()).isTrue();
      assertThat(me.json().get("timezone").asText()).isEqualTo("Europe/London");
      Http.Response users = http.get("/api/users", keys.token(ADMIN, Instant.now()));
      assertThat(users.status()).as(users.body()).isEqualTo(200);
      assertThat(users.body()).contains("jose.munoz@example.com").contains("李");
      assertThat(workos.calls()).as("known users are not fetched from WorkOS").isZero();
    }
  }

  @Test
  void aMissingEmailIsFetchedFromWorkOsWhenAsked() throws Exception {
    String target = targetUrl();
    Map<String, String> env = env(target);
    env.put("WORKOS_API_KEY", FakeWorkOsApi.API_KEY);

    CliRun imported =
        CliRun.run(env, "db", "import", "--from", prototypeUrl(), "--yes", "--on-bad-email=workos");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("stored the email WorkOS holds");
    assertThat(workos.calls()).isEqualTo(1);
    assertThat(CliRun.run(env, "users", "show", NO_EMAIL).out())
        .contains(NO_EMAIL.toLowerCase() + "@example.com");
    assertThat(imported.out() + imported.err()).doesNotContain(FakeWorkOsApi.API_KEY);
  }

  @Test
  void byDefaultTheUserWithoutEmailStopsTheImportAndNothingIsWritten() throws Exception {
    String target = targetUrl();
    String source = prototypeUrl();

    CliRun refused = CliRun.run(env(target), "db", "import", "--from", source, "--yes");
    CliRun unasked = CliRun.run(env(targetUrl()), "db", "import", "--from", source);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains(NO_EMAIL)
        .contains("refused")
        .contains("--on-bad-email=placeholder")
        .doesNotContain("Exception");
    assertThat(CliRun.run(env(target), "users", "list").out()).doesNotContain("@");
    assertThat(unasked.exitCode()).isEqualTo(2);
    assertThat(unasked.err()).contains("add --yes");
  }

  @Test
  void theDryRunInJsonSaysWhatWouldHappenAndWritesNothing() throws Exception {
    String target = targetUrl();

    CliRun dry =
        CliRun.run(env(target), "db", "import", "--from", prototypeUrl(), "--dry-run", "--json");

    assertThat(dry.exitCode()).as("a refused dry run fails").isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(dry.out());
    assertThat(json.get("dry_run").asBoolean()).isTrue();
    assertThat(json.get("refused").asBoolean()).isTrue();
    assertThat(json.get("rows").asLong()).isEqualTo(5);
    assertThat(json.get("timestamp_precision").asText()).isEqualTo("millisecond");
    assertThat(json.get("findings").toString()).contains(NO_EMAIL).contains("\"refused\"");
    assertThat(untouched(target)).isTrue();

    CliRun fine =
        CliRun.run(
            env(target),
            "db",
            "import",
            "--from",
            prototypeUrl(),
            "--dry-run",
            "--json",
            "--on-bad-email=placeholder");
    assertThat(fine.exitCode()).as(fine.err()).isZero();
    assertThat(new ObjectMapper().readTree(fine.out()).get("refused").asBoolean()).isFalse();
    assertThat(untouched(target)).isTrue();
  }

  @Test
  void badInputIsOneLineNamingTheFlag() throws Exception {
    String target = targetUrl();

    CliRun url = CliRun.run(env(target), "db", "import", "--from", "mysql://h/db", "--yes");
    CliRun policy =
        CliRun.run(env(target), "db", "import", "--from", prototypeUrl(), "--on-bad-email=guess");
    CliRun missing = CliRun.run(env(target), "db", "import", "--yes");

    assertThat(url.exitCode()).isEqualTo(1);
    assertThat(url.err().strip())
        .startsWith("datamingle: --from 'mysql://h/db' is not")
        .hasLineCount(1);
    assertThat(policy.exitCode()).isEqualTo(2);
    assertThat(policy.err()).contains("--on-bad-email");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--from");
    assertThat(untouched(target)).isTrue();
  }
}
