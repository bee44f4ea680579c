package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.migrations.testing.FlaskPrototype;
import com.datamingle.migrations.testing.PostgresSchemas;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datamingle db import} from the Flask prototype's database on the same kind of database
 * into the test's fresh one, through the command line with the domain's rules, on each database.
 * (Its users served by the API: {@code fullstack.ImportedUsersIT}.)
 */
@OnEachDatabase
class ImportCommandTest extends CliWorkOsTest {
  static final String ADMIN = "user_01PROTOADMIN0000000000000";
  static final String NO_EMAIL = "user_01PROTONOEMAIL00000000000";

  @RegisterExtension final PostgresSchemas sources = new PostgresSchemas();
  @TempDir Path elsewhere;
  final AtomicInteger made = new AtomicInteger();

  ImportCommandTest(CliDatabase.Kind kind) {
    super(kind);
  }

  /** The URL of a new copy of the prototype's database, on this test's kind of database. */
  String prototypeUrl() throws Exception {
    if (database.kind() == CliDatabase.Kind.SQLITE) {
      Path file = elsewhere.resolve("prototype" + made.incrementAndGet() + ".sqlite");
      FlaskPrototype.copySqliteTo(file);
      return "sqlite:///" + file;
    }
    PostgresTestDatabase db = sources.create();
    FlaskPrototype.loadInto(db);
    return db.postgresUrl();
  }

  /** True when the target holds no table (nothing was written to it). */
  boolean untouched() throws Exception {
    return database.kind() == CliDatabase.Kind.SQLITE
        ? !Files.exists(database.sqliteFile())
        : PostgresSchemas.tables(database.postgres()) == 0;
  }

  @Test
  void thePrototypeImportsWithItsUsersAndTheSchemaAtHeadWithoutDrift() throws Exception {
    CliRun imported =
        run("db", "import", "--from", prototypeUrl(), "--yes", "--on-bad-email=placeholder");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .containsPattern("users +5 row\\(s\\), checksum source (\\w+) target \\1 ok")
        .contains(NO_EMAIL.toLowerCase() + "@missing-email.invalid")
        .contains("Times are kept to the millisecond");
    assertThat(run("db", "drift").out()).contains("No drift");
    CliRun shown = run("users", "show", ADMIN, "--json");
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    JsonNode admin = new ObjectMapper().readTree(shown.out());
    assertThat(admin.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(admin.get("is_admin").asBoolean()).isTrue();
    assertThat(admin.get("timezone").asText()).isEqualTo("Europe/London");
    assertThat(run("users", "list").out()).contains("jose.munoz@example.com").contains("李");
    assertThat(workos.userCalls()).as("known users are not fetched from WorkOS").isZero();
  }

  @Test
  void aMissingEmailIsFetchedFromWorkOsWhenAsked() throws Exception {
    workos.user(NO_EMAIL, NO_EMAIL.toLowerCase() + "@example.com", "Ada", "Lovelace");
    Map<String, String> env = withApiKey(env());

    CliRun imported =
        CliRun.run(env, "db", "import", "--from", prototypeUrl(), "--yes", "--on-bad-email=workos");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("stored the email WorkOS holds");
    assertThat(workos.userCalls()).isEqualTo(1);
    assertThat(CliRun.run(env, "users", "show", NO_EMAIL).out())
        .contains(NO_EMAIL.toLowerCase() + "@example.com");
    assertThat(imported.out() + imported.err()).doesNotContain(FakeWorkOs.API_KEY);
  }

  @Test
  void byDefaultTheUserWithoutEmailStopsTheImportAndNothingIsWritten() throws Exception {
    String source = prototypeUrl();

    CliRun refused = run("db", "import", "--from", source, "--yes");
    CliRun unasked = run("db", "import", "--from", source);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains(NO_EMAIL)
        .contains("refused")
        .contains("--on-bad-email=placeholder")
        .doesNotContain("Exception");
    assertThat(run("users", "list").out()).doesNotContain("@");
    assertThat(unasked.exitCode()).isEqualTo(2);
    assertThat(unasked.err()).contains("add --yes");
  }

  @Test
  void theDryRunInJsonSaysWhatWouldHappenAndWritesNothing() throws Exception {
    CliRun dry = run("db", "import", "--from", prototypeUrl(), "--dry-run", "--json");

    assertThat(dry.exitCode()).as("a refused dry run fails").isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(dry.out());
    assertThat(json.get("dry_run").asBoolean()).isTrue();
    assertThat(json.get("refused").asBoolean()).isTrue();
    assertThat(json.get("rows").asLong()).isEqualTo(5);
    assertThat(json.get("timestamp_precision").asText()).isEqualTo("millisecond");
    assertThat(json.get("tables").get(0).get("target_rows").isNull()).isTrue();
    assertThat(json.get("findings").toString()).contains(NO_EMAIL).contains("\"refused\"");
    assertThat(untouched()).isTrue();

    CliRun fine =
        run(
            "db",
            "import",
            "--from",
            prototypeUrl(),
            "--dry-run",
            "--json",
            "--on-bad-email=placeholder");
    assertThat(fine.exitCode()).as(fine.err()).isZero();
    assertThat(new ObjectMapper().readTree(fine.out()).get("refused").asBoolean()).isFalse();
    assertThat(untouched()).isTrue();
  }

  @Test
  void badInputIsOneLineNamingTheFlag() throws Exception {
    CliRun url = run("db", "import", "--from", "mysql://h/db", "--yes");
    CliRun policy = run("db", "import", "--from", prototypeUrl(), "--on-bad-email=guess");
    CliRun missing = run("db", "import", "--yes");

    assertThat(url.exitCode()).isEqualTo(1);
    assertThat(url.err().strip())
        .startsWith("datamingle: --from 'mysql://h/db' is not")
        .hasLineCount(1);
    assertThat(policy.exitCode()).isEqualTo(2);
    assertThat(policy.err()).contains("--on-bad-email");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--from");
    assertThat(untouched()).isTrue();
  }
}
