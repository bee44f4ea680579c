package com.datamingle.migrations.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationLint;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lint.LintReport;
import com.datamingle.migrations.lint.Rule;
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
import java.util.Set;
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
  static final String USERS_WITH_TEAM =
      USERS.replace(
          "  last_session_id varchar(128)\n",
          "  last_session_id varchar(128)\n"
              + "  team_id integer\n"
              + "  foreign key fk_users_team (team_id) references teams (id) on delete set"
              + " null\n");
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
  static final Set<Rule> HUMAN_DECISIONS =
      Set.of(
          Rule.DROP_TABLE,
          Rule.DROP_COLUMN,
          Rule.RENAME_COLUMN,
          Rule.RENAME_TABLE,
          Rule.CHANGING_COLUMN_TYPE);
  LintReport lint;
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
   * Generates, lints, upgrades, checks, downgrades, upgrades again; returns the generated scripts
   * of this dialect, one after the other.
   */
  String roundTrip(String declared, Map<String, String> renames) throws IOException {
    return roundTrip(autogen(declared), declared, renames);
  }

  /** The same with the given generator (e.g. one without a PostgreSQL to compare on). */
  String roundTrip(Autogen generator, String declared, Map<String, String> renames)
      throws IOException {
    DatabaseMigrator migrator = migrator();
    upgrade();
    List<String> before = migrator.schema();
    clock = Clock.offset(clock, java.time.Duration.ofMinutes(1));

    Autogen.Generated generated = generator.generate(migrator, "change", renames, clock);

    assertThat(generated.files().size()).as("one or two migrations, in both folders").isIn(2, 4);
    lint =
        MigrationLint.lint(
            live(), ScriptSource.directory(scripts), Set.of(Dialect.values()), false);
    assertThat(lint.checkedFiles())
        .as("the new scripts are linted")
        .hasSize(generated.files().size());
    assertThat(lint.blocking())
        .as("only what needs a human decision fails the lint")
        .allSatisfy(f -> assertThat(f.rule()).isIn(HUMAN_DECISIONS));
    int steps = generated.files().size() / 2;
    upgrade();
    List<String> after = migrator.schema();
    assertThat(autogen(declared).check(dialect())).as("check after upgrade").isEmpty();
    downgrade(steps);
    assertThat(migrator.schema()).as("downgrade restores the previous schema").isEqualTo(before);
    upgrade();
    assertThat(migrator.schema()).as("upgrade again is identical").isEqualTo(after);
    StringBuilder text = new StringBuilder();
    for (Path f : generated.files()) {
      if (f.getParent().getFileName().toString().equals(dialect().id())) {
        text.append(Files.readString(f));
      }
    }
    return text.toString();
  }

  /** Upgrades the live database to head (the runner runs no-transaction scripts as marked). */
  void upgrade() {
    migrator().upgrade(null, null);
  }

  /** Undoes the newest {@code steps} migrations. */
  void downgrade(int steps) {
    migrator().downgradeSteps(steps, null);
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
        .contains(
            postgres()
                ? "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_teams_name"
                : "CREATE INDEX ix_teams_name");
    assertThat(roundTrip(withTeams(), Map.of()))
        .contains(
            postgres()
                ? "DROP INDEX CONCURRENTLY IF EXISTS ix_teams_name"
                : "DROP INDEX ix_teams_name");
    assertThat(roundTrip(withTeams("  unique uq_teams_name (name)"), Map.of()))
        .contains("uq_teams_name");
  }

  boolean postgres() {
    return dialect() == Dialect.POSTGRESQL;
  }

  /** The generated scripts of this dialect, newest last. */
  List<String> newest(int count) throws IOException {
    List<Path> files;
    try (var list = Files.list(scripts.resolve(dialect().id()))) {
      files = list.sorted().toList();
    }
    List<String> out = new java.util.ArrayList<>();
    for (Path f : files.subList(files.size() - count, files.size())) {
      out.add(Files.readString(f));
    }
    return out;
  }

  void sql(String... statements) throws Exception {
    try (Connection c = connectLive();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  List<String> column(String query) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = connectLive();
        Statement s = c.createStatement();
        var rs = s.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void aColumnBecomingNotNullWithADefaultFillsItsNullRowsFirst() throws Exception {
    roundTrip(withTeams("  motto varchar(20)"), Map.of());
    int rows = 2 * PostgresOnline.BATCH + 7; // more than one batch
    sql(
        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < "
            + rows
            + ") INSERT INTO teams (id, name) SELECT i, 'team ' || i FROM s",
        "UPDATE teams SET motto = 'kept' WHERE id = 1");

    String script = roundTrip(withTeams("  motto varchar(20) not null default 'x'"), Map.of());

    assertThat(lint.passes()).as(lint.findings().toString()).isTrue();
    assertThat(column("SELECT motto FROM teams WHERE id IN (1, 2) ORDER BY id"))
        .containsExactly("kept", "x");
    assertThat(column("SELECT count(*) FROM teams WHERE motto = 'x'"))
        .containsExactly(String.valueOf(rows - 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> sql("INSERT INTO teams (id, name, motto) VALUES (0, 'n', NULL)"))
        .as("the column is NOT NULL now")
        .isInstanceOf(java.sql.SQLException.class);
    if (postgres()) {
      List<String> two = newest(2);
      assertThat(two.get(0))
          .contains("ALTER TABLE teams ALTER COLUMN motto SET DEFAULT 'x'")
          .doesNotContain("SET NOT NULL");
      assertThat(two.get(1))
          .startsWith("-- datamingle:no-transaction\n")
          .containsSubsequence(
              "DO $$",
              "UPDATE teams SET motto = DEFAULT WHERE ctid IN (SELECT ctid FROM teams WHERE motto"
                  + " IS NULL LIMIT "
                  + PostgresOnline.BATCH
                  + ")",
              "COMMIT;",
              "ALTER TABLE teams ADD CONSTRAINT ck_teams_motto_not_null CHECK (motto IS NOT NULL)"
                  + " NOT VALID;",
              "ALTER TABLE teams VALIDATE CONSTRAINT ck_teams_motto_not_null;",
              "ALTER TABLE teams ALTER COLUMN motto SET NOT NULL;",
              "ALTER TABLE teams DROP CONSTRAINT IF EXISTS ck_teams_motto_not_null;",
              "-- //@UNDO",
              "ALTER TABLE teams ALTER COLUMN motto DROP NOT NULL;");
      assertThat(column("SELECT count(*) FROM pg_constraint WHERE conname LIKE 'ck_teams_motto%'"))
          .as("the temporary check is gone")
          .containsExactly("0");
    } else {
      assertThat(script).contains("COALESCE(motto, 'x')");
    }
  }

  @Test
  void aNewIndexOnAnExistingTableIsBuiltConcurrentlyOutsideATransaction() throws Exception {
    roundTrip(withTeams(), Map.of());
    sql("INSERT INTO teams (id, name) VALUES (1, 'a'), (2, 'b')");

    String script = roundTrip(withTeams("  unique index ix_teams_name (name)"), Map.of());

    assertThat(lint.passes()).as(lint.findings().toString()).isTrue();
    if (postgres()) {
      String second = newest(1).get(0);
      assertThat(second.lines().findFirst()).contains("-- datamingle:no-transaction");
      assertThat(second)
          .containsSubsequence(
              "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_teams_name ON teams (name);",
              "-- //@UNDO",
              "DROP INDEX CONCURRENTLY IF EXISTS ix_teams_name;");
      assertThat(newest(2).get(0)).doesNotContain("ix_teams_name");
      assertThat(
              column(
                  "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_teams_name'::regclass"))
          .containsExactly("t");
    } else {
      assertThat(script).contains("CREATE UNIQUE INDEX ix_teams_name ON teams (name);");
    }
  }

  @Test
  void newForeignKeysAndChecksAreAddedNotValidThenValidated() throws Exception {
    roundTrip(withTeams(), Map.of());
    sql("INSERT INTO teams (id, name, size) VALUES (1, 'a', 3)");

    String fk = roundTrip(USERS_WITH_TEAM + TEAMS, Map.of());
    String check =
        roundTrip(USERS_WITH_TEAM + TEAMS + "  check ck_teams_size (size >= 0)\n", Map.of());

    assertThat(lint.passes()).as(lint.findings().toString()).isTrue();
    if (postgres()) {
      assertThat(fk)
          .containsSubsequence(
              "ALTER TABLE users ADD CONSTRAINT fk_users_team FOREIGN KEY (team_id) REFERENCES"
                  + " teams (id) ON DELETE SET NULL NOT VALID;",
              "-- datamingle:no-transaction",
              "ALTER TABLE users VALIDATE CONSTRAINT fk_users_team;");
      assertThat(check)
          .containsSubsequence(
              "ALTER TABLE teams ADD CONSTRAINT ck_teams_size CHECK (size >= 0) NOT VALID;",
              "-- datamingle:no-transaction",
              "ALTER TABLE teams VALIDATE CONSTRAINT ck_teams_size;");
      assertThat(
              column(
                  "SELECT conname || ' ' || convalidated FROM pg_constraint WHERE conname IN"
                      + " ('fk_users_team', 'ck_teams_size') ORDER BY conname"))
          .containsExactly("ck_teams_size true", "fk_users_team true");
    } else {
      assertThat(fk).contains("fk_users_team");
      assertThat(check).contains("ck_teams_size");
    }
  }

  @Test
  void withoutAReachablePostgresTheDifferenceIsFoundOnSqliteAndRenderedForBoth() throws Exception {
    roundTrip(withTeams("  motto varchar(20)"), Map.of());
    sql("INSERT INTO teams (id, name) VALUES (1, 'a')");
    String declared =
        withTeams(
            "  motto varchar(20) not null default 'x'",
            "  index ix_teams_name (name)",
            "  check ck_teams_size (size >= 0)");
    Autogen offline =
        new Autogen(
            ScriptSource.directory(scripts),
            DeclaredSchema.parse(declared),
            Map.of(
                Dialect.POSTGRESQL,
                new MigrationTarget(
                    "jdbc:postgresql://127.0.0.1:" + closedPort() + "/test?connectTimeout=2",
                    "postgres",
                    null)));

    String script = roundTrip(offline, declared, Map.of());

    assertThat(lint.passes()).as(lint.findings().toString()).isTrue();
    assertThat(column("SELECT motto FROM teams")).containsExactly("x");
    List<Path> pg;
    try (var list = Files.list(scripts.resolve("postgresql"))) {
      pg = list.sorted().toList();
    }
    String pgText =
        Files.readString(pg.get(pg.size() - 2)) + Files.readString(pg.get(pg.size() - 1));
    assertThat(pgText)
        .contains("PostgreSQL script derived from the SQLite comparison")
        .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_teams_name ON teams (name);")
        .contains("ADD CONSTRAINT ck_teams_size CHECK (size >= 0) NOT VALID;")
        .contains("VALIDATE CONSTRAINT ck_teams_motto_not_null;");
    if (!postgres()) {
      assertThat(script).contains("COALESCE(motto, 'x')");
    }
  }

  static int closedPort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
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
