package com.datamingle.migrations.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;
import com.datamingle.migrations.testing.DatabaseContract;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import com.datamingle.migrations.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of schema change, generated from the declaration, on a real database: generate,
 * upgrade, then check finds nothing; downgrade gives back exactly the previous schema; upgrade
 * again gives the same schema.
 */
abstract class AutogenContract extends DatabaseContract {
  static final String USERS =
      String.join(
          "\n",
          "table users",
          "  id uuid not null primary key",
          "  workos_user_id varchar(100) not null",
          "  email varchar(254) not null",
          "  first_name varchar(100)",
          "  last_name varchar(100)",
          "  profile_picture_url varchar(2048)",
          "  is_active boolean not null default true",
          "  is_admin boolean not null default false",
          "  timezone varchar(64) not null default 'UTC'",
          "  language varchar(35) not null default 'en'",
          "  created_at timestamp not null",
          "  updated_at timestamp not null",
          "  last_login_at timestamp",
          "  last_session_id varchar(128)",
          "  unique uq_users_workos_user_id (workos_user_id)",
          "  index ix_users_email (email) pattern",
          "");
  static final String TEAMS =
      String.join(
          "\n",
          "table teams",
          "  id integer not null primary key",
          "  name varchar(100) not null",
          "  size integer",
          "");

  @TempDir Path scripts;
  @RegisterExtension final TestDatabase scratchSchema = TestDatabase.postgres();
  PostgresTestDatabase scratch;
  Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  AutogenContract(TestDatabase db) {
    super(db);
  }

  MigrationTarget live() {
    return db.target();
  }

  Dialect dialect() {
    return db.dialect();
  }

  @BeforeEach
  void scripts() throws IOException {
    scratch = scratchSchema.postgresDatabase();
    for (Dialect d : Dialect.values()) {
      Path dir = Files.createDirectories(scripts.resolve(d.id()));
      for (String name :
          List.of("20261124000001_create_changelog.sql", "20261124000002_create_users.sql")) {
        try (InputStream in =
            getClass()
                .getResourceAsStream("/com/datamingle/migrations/scripts/" + d.id() + "/" + name)) {
          Files.copy(in, dir.resolve(name));
        }
      }
    }
  }

  Autogen autogen(String declared) {
    return new Autogen(
        ScriptSource.directory(scripts),
        DeclaredSchema.parse(declared),
        Map.of(
            Dialect.POSTGRESQL,
            new MigrationTarget(scratch.jdbcUrl(), scratch.user(), scratch.password())));
  }

  DatabaseMigrator migrator() {
    return DatabaseMigrator.create(live(), ScriptSource.directory(scripts));
  }

  /**
   * Generates, upgrades, checks, downgrades, upgrades again; returns the generated script of this
   * dialect.
   */
  String roundTrip(String declared, Map<String, String> renames) throws IOException {
    DatabaseMigrator migrator = migrator();
    migrator.upgrade(null, null);
    List<String> before = migrator.schema();
    clock = Clock.offset(clock, java.time.Duration.ofMinutes(1));

    Autogen.Generated generated = autogen(declared).generate(migrator, "change", renames, clock);

    assertThat(generated.files()).hasSize(2);
    migrator.upgrade(null, null);
    List<String> after = migrator.schema();
    assertThat(autogen(declared).check(dialect())).as("check after upgrade").isEmpty();
    migrator.downgradeSteps(1, null);
    assertThat(migrator.schema()).as("downgrade restores the previous schema").isEqualTo(before);
    migrator.upgrade(null, null);
    assertThat(migrator.schema()).as("upgrade again is identical").isEqualTo(after);
    return Files.readString(
        generated.files().stream()
            .filter(f -> f.getParent().getFileName().toString().equals(dialect().id()))
            .findFirst()
            .orElseThrow());
  }

  /** Round-trips the teams table first, then {@code declared}; returns the second script. */
  String changeFromTeams(String declared) throws IOException {
    roundTrip(withTeams(), Map.of());
    return roundTrip(declared, Map.of());
  }

  /** The project's schema and a teams table of an id and these lines. */
  String teams(String... lines) {
    return USERS
        + "table teams\n  id integer not null primary key\n"
        + String.join("\n", lines)
        + "\n";
  }

  String withTeams(String... extraTeamLines) {
    return USERS + TEAMS + String.join("\n", extraTeamLines) + "\n";
  }

  @Test
  void theProjectSchemaIsInSyncWithItsMigrations() {
    assertThat(autogen(USERS).check(dialect())).isEmpty();
    migrator().upgrade(null, null);
    assertThat(autogen(USERS).generate(migrator(), "nothing", Map.of(), clock).files()).isEmpty();
  }

  @Test
  void addTable() throws IOException {
    assertThat(roundTrip(withTeams(), Map.of()))
        .contains("CREATE TABLE teams")
        .contains("DROP TABLE teams;");
  }

  @Test
  void addNullableColumnAndNotNullColumnWithDefault() throws IOException {
    assertThat(
            changeFromTeams(
                withTeams("  motto text", "  kind varchar(20) not null default 'open'")))
        .contains("motto")
        .contains("kind");
  }

  @Test
  void dropColumnIsMarkedAsDataLoss() throws IOException {
    assertThat(changeFromTeams(teams("  name varchar(100) not null")))
        .contains("DATA LOSS")
        .containsIgnoringCase("size");
  }

  @Test
  void changeType() throws IOException {
    assertThat(changeFromTeams(teams("  name varchar(100) not null", "  size bigint")))
        .containsIgnoringCase("bigint");
  }

  @Test
  void addAndDropIndexAndAddUnique() throws IOException {
    roundTrip(withTeams(), Map.of());
    assertThat(roundTrip(withTeams("  index ix_teams_name (name)"), Map.of()))
        .contains("CREATE INDEX ix_teams_name");
    assertThat(roundTrip(withTeams(), Map.of())).contains("DROP INDEX ix_teams_name");
    assertThat(roundTrip(withTeams("  unique uq_teams_name (name)"), Map.of()))
        .contains("uq_teams_name");
  }

  @Test
  void addForeignKeyAndCheck() throws IOException {
    roundTrip(withTeams(), Map.of());
    String users =
        USERS.replace(
            "  last_session_id varchar(128)\n",
            "  last_session_id varchar(128)\n"
                + "  team_id integer\n"
                + "  foreign key fk_users_team (team_id) references teams (id) on delete set"
                + " null\n");
    assertThat(roundTrip(users + TEAMS, Map.of())).contains("fk_users_team");
    assertThat(roundTrip(users + TEAMS + "  check ck_teams_size (size >= 0)\n", Map.of()))
        .contains("ck_teams_size");
  }

  @Test
  void renamesAreNotGuessedButTheHintMakesOne() throws IOException {
    roundTrip(withTeams(), Map.of());
    String renamed =
        USERS
            + "table teams\n"
            + "  id integer not null primary key\n"
            + "  title varchar(100) not null\n"
            + "  size integer\n";
    DatabaseMigrator migrator = migrator();
    clock = Clock.offset(clock, java.time.Duration.ofMinutes(1));
    Autogen.Generated guessed = autogen(renamed).generate(migrator, "guess", Map.of(), clock);
    String text = Files.readString(guessed.files().get(0));
    assertThat(text)
        .contains("possible rename of teams.name to title")
        .contains("--rename teams.name=title");
    assertThat(guessed.warnings()).isNotEmpty();
    for (Path f : guessed.files()) {
      Files.delete(f);
    }

    String script = roundTrip(renamed, Map.of("teams.name", "title"));
    assertThat(script).containsIgnoringCase("title");
    assertThat(script).doesNotContain("possible rename");
  }

  @Test
  void refusesADatabaseBehindHead() throws IOException {
    Files.writeString(
        scripts.resolve(dialect().id()).resolve("20261125000000_x.sql"),
        "-- // x\nCREATE TABLE x_t (id INTEGER);\n-- //@UNDO\nDROP TABLE x_t;\n");
    migrator().upgrade("20261124000002", null);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> autogen(USERS).generate(migrator(), "m", Map.of(), clock))
        .hasMessageContaining("Target database is not up to date");
  }

  @Test
  void driftFindsAColumnAddedAndAnIndexDroppedByHand() throws Exception {
    migrator().upgrade(null, null);
    assertThat(autogen(USERS).drift(migrator())).isEmpty();
    try (Connection c = connectLive();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE users ADD COLUMN nickname TEXT");
      s.execute("DROP INDEX ix_users_email");
    }

    List<String> drift = autogen(USERS).drift(migrator());

    assertThat(drift)
        .anySatisfy(d -> assertThat(d).contains("users.nickname").contains("added by hand"));
    assertThat(drift)
        .anySatisfy(
            d -> assertThat(d).contains("users.ix_users_email").contains("dropped by hand"));
  }

  Connection connectLive() throws Exception {
    return db.connect();
  }
}
