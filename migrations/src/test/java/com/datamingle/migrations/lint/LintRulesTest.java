package com.datamingle.migrations.lint;

import static com.datamingle.migrations.lint.SqlDialect.POSTGRESQL;
import static com.datamingle.migrations.lint.SqlDialect.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule flags its dangerous form and passes the safe one, on each dialect it applies to. */
class LintRulesTest {
  static final String NO_TX = "-- datamingle:no-transaction\n";

  static final String POSTGRES_SCHEMA =
      """
      CREATE TABLE teams (id BIGINT PRIMARY KEY);
      CREATE TABLE users (
          id BIGINT PRIMARY KEY,
          email VARCHAR(100),
          name CHARACTER VARYING(50),
          amount NUMERIC(10,2),
          age INTEGER,
          team_id BIGINT
      );
      CREATE INDEX ix_users_email ON users (email);
      """;

  static final String SQLITE_SCHEMA =
      """
      CREATE TABLE teams (id INTEGER PRIMARY KEY);
      CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT, age INTEGER, team_id INTEGER);
      """;

  static final String REBUILD =
      """
      CREATE TABLE users__dm_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
      INSERT INTO users__dm_new (id, email) SELECT id, coalesce(email, '') FROM users;
      DROP TABLE users;
      ALTER TABLE users__dm_new RENAME TO users;
      CREATE INDEX ix_users_email ON users (email);
      """;

  static Stream<Arguments> rules() {
    return Stream.of(
            both(Rule.DROP_TABLE, "DROP TABLE teams;", "CREATE TABLE t (a INT);\nDROP TABLE t;"),
            both(
                Rule.DROP_COLUMN,
                "ALTER TABLE users DROP COLUMN age;",
                "CREATE TABLE t (a INT, b INT);\nALTER TABLE t DROP COLUMN b;"),
            both(
                Rule.RENAME_TABLE,
                "ALTER TABLE teams RENAME TO squads;",
                "CREATE TABLE t (a INT);\nALTER TABLE t RENAME TO u;"),
            both(
                Rule.RENAME_COLUMN,
                "ALTER TABLE users RENAME COLUMN name TO full_name;",
                "ALTER TABLE users ADD COLUMN full_name TEXT;"),
            pg(
                Rule.CHANGING_COLUMN_TYPE,
                "ALTER TABLE users ALTER COLUMN age TYPE BIGINT;",
                "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(200);"),
            pg(
                Rule.CHANGING_COLUMN_TYPE,
                "ALTER TABLE users ALTER COLUMN email TYPE varchar(20);",
                "ALTER TABLE users ALTER COLUMN name TYPE text, ALTER COLUMN amount TYPE"
                    + " numeric(12,2);"),
            pg(
                Rule.CHANGING_COLUMN_TYPE,
                "ALTER TABLE users ALTER COLUMN amount SET DATA TYPE NUMERIC(12,4);",
                "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR;"),
            pg(
                Rule.CHANGING_COLUMN_TYPE,
                "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(200) USING lower(email);",
                "CREATE TABLE t (a INT);\nALTER TABLE t ALTER COLUMN a TYPE BIGINT;"),
            pg(
                Rule.ADD_COLUMN_REWRITE,
                "ALTER TABLE users ADD COLUMN token UUID DEFAULT gen_random_uuid();",
                "ALTER TABLE users ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;"),
            pg(
                Rule.ADD_COLUMN_REWRITE,
                "ALTER TABLE users ADD COLUMN seq BIGSERIAL;",
                "ALTER TABLE users ADD COLUMN seen_at TIMESTAMPTZ DEFAULT now();"),
            sqlite(
                Rule.SQLITE_ADD_COLUMN_FAILS,
                "ALTER TABLE users ADD COLUMN code TEXT NOT NULL;",
                "ALTER TABLE users ADD COLUMN code TEXT NOT NULL DEFAULT 'x';"),
            sqlite(
                Rule.SQLITE_ADD_COLUMN_FAILS,
                "ALTER TABLE users ADD COLUMN seen_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP;",
                "ALTER TABLE users ADD COLUMN seen_at TIMESTAMP;"),
            pg(
                Rule.SET_NOT_NULL,
                "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
                """
                ALTER TABLE users ADD CONSTRAINT ck_email CHECK (email IS NOT NULL) NOT VALID;
                ALTER TABLE users VALIDATE CONSTRAINT ck_email;
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                """),
            pg(
                Rule.CONSTRAINT_MISSING_NOT_VALID,
                "ALTER TABLE users ADD CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams"
                    + " (id);",
                "ALTER TABLE users ADD CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams"
                    + " (id) NOT VALID;"),
            pg(
                Rule.CONSTRAINT_MISSING_NOT_VALID,
                "ALTER TABLE users ADD CONSTRAINT ck_age CHECK (age >= 0);",
                "ALTER TABLE users ADD CONSTRAINT ck_age CHECK (age >= 0) NOT VALID;\n"
                    + "ALTER TABLE users VALIDATE CONSTRAINT ck_age;"),
            pg(
                Rule.CONSTRAINT_BUILDS_INDEX,
                "ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE (email);",
                // the index it uses is built first, concurrently, so that it runs on PostgreSQL
                NO_TX
                    + "CREATE UNIQUE INDEX CONCURRENTLY ix_email ON users (email);\n"
                    + "ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE USING INDEX ix_email;"),
            pg(
                Rule.REQUIRE_CONCURRENT_INDEX,
                "CREATE UNIQUE INDEX ix_users_name ON users (name);",
                NO_TX + "CREATE UNIQUE INDEX CONCURRENTLY ix_users_name ON users (name);"),
            pg(
                Rule.REQUIRE_CONCURRENT_INDEX,
                "CREATE INDEX ON public.users USING btree (name);",
                "CREATE TABLE t (a INT);\nCREATE INDEX ix_t_a ON t (a);"),
            pg(
                Rule.REQUIRE_CONCURRENT_INDEX_DELETION,
                "DROP INDEX ix_users_email;",
                NO_TX + "DROP INDEX CONCURRENTLY ix_users_email;"),
            pg(
                Rule.REQUIRE_CONCURRENT_REINDEX,
                "REINDEX INDEX ix_users_email;",
                NO_TX + "REINDEX INDEX CONCURRENTLY ix_users_email;"),
            pg(
                Rule.CONCURRENTLY_IN_TRANSACTION,
                "-- // add an index\nCREATE INDEX CONCURRENTLY ix_users_name ON users (name);",
                "-- // add an index\n"
                    + NO_TX
                    + "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);"),
            both(
                Rule.BACKFILL_WITH_DDL,
                "ALTER TABLE users ADD COLUMN note TEXT;\nUPDATE users SET note = 'x';",
                "UPDATE users SET name = 'x' WHERE name IS NULL;"),
            both(
                Rule.BACKFILL_WITH_DDL,
                "DELETE FROM teams WHERE id > 10;\nALTER TABLE users DROP COLUMN age;",
                "CREATE TABLE t (a INT);\nINSERT INTO t (a) VALUES (1);"),
            both(Rule.TABLE_REBUILD, REBUILD, "ALTER TABLE users ADD COLUMN note TEXT;"),
            // VACUUM cannot run inside a transaction block: the safe form needs the marker
            pg(Rule.BAN_VACUUM_FULL, "VACUUM FULL users;", NO_TX + "VACUUM (ANALYZE) users;"),
            pg(Rule.BAN_VACUUM_FULL, "CLUSTER users USING ix_users_email;", "ANALYZE users;"),
            sqlite(Rule.BAN_VACUUM_FULL, "VACUUM;", "ANALYZE;"),
            pg(Rule.BAN_TRUNCATE, "TRUNCATE teams CASCADE;", "DELETE FROM teams WHERE id < 100;"),
            pg(
                Rule.BAN_ADD_ENUM_VALUE,
                "ALTER TYPE mood ADD VALUE 'meh';",
                "CREATE TYPE mood AS ENUM ('ok', 'meh');"),
            pg(
                Rule.PREFER_JSONB,
                "ALTER TABLE users ADD COLUMN prefs JSON;",
                "ALTER TABLE users ADD COLUMN prefs JSONB;"),
            pg(Rule.PREFER_JSONB, "CREATE TABLE t (a json NOT NULL);", "CREATE TABLE t (a jsonb);"),
            both(
                Rule.INVALID_ACCEPT,
                "-- lint:accept drop-table\nDROP TABLE teams;",
                "-- lint:accept drop-table teams has been unused since 1.2\nDROP TABLE teams;"))
        .flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @MethodSource("rules")
  void flagsTheDangerousFormAndPassesTheSafeOne(
      Rule rule, SqlDialect dialect, String failing, String passing) {
    assertThat(unaccepted(lint(dialect, failing))).as("dangerous").contains(rule);
    assertThat(unaccepted(lint(dialect, passing))).as("safe").isEmpty();
  }

  @Test
  void everyRuleHasAFailingAndAPassingCase() {
    List<Rule> covered = rules().map(a -> (Rule) a.get()[0]).distinct().toList();
    assertThat(covered).containsExactlyInAnyOrder(Rule.values());
  }

  @Test
  void theReadmeDocumentsEveryRule() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("### Lint"), readme.indexOf("## Modules"));

    for (Rule rule : Rule.values()) {
      assertThat(section).as(rule.id()).contains("`" + rule.id() + "`");
    }
  }

  @Test
  void postgresqlOnlyRulesStayQuietOnSqlite() {
    assertThat(unaccepted(lint(SQLITE, "CREATE INDEX ix_users_name ON users (name);"))).isEmpty();
    assertThat(unaccepted(lint(POSTGRESQL, "ALTER TABLE users ADD COLUMN code TEXT NOT NULL;")))
        .isEmpty();
  }

  @Test
  void anUnknownRuleInAnAcceptCommentIsAnError() {
    List<Finding> found =
        lint(POSTGRESQL, "-- lint:accept drop-tables teams is unused\nDROP TABLE teams;");

    assertThat(found).extracting(Finding::rule).contains(Rule.INVALID_ACCEPT, Rule.DROP_TABLE);
    assertThat(found)
        .filteredOn(f -> f.rule() == Rule.INVALID_ACCEPT)
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).contains("'drop-tables' is not a rule id"));
  }

  static List<Finding> lint(SqlDialect dialect, String script) {
    String schema = dialect == SQLITE ? SQLITE_SCHEMA : POSTGRES_SCHEMA;
    return MigrationLinter.lint(
            List.of(
                new LintScript("20260101000000_schema.sql", dialect, schema, false),
                new LintScript("20260102000000_change.sql", dialect, script, true)),
            MigrationLinter.RowCounter.NONE)
        .findings();
  }

  static List<Rule> unaccepted(List<Finding> findings) {
    return findings.stream().filter(f -> !f.accepted()).map(Finding::rule).toList();
  }

  private static Stream<Arguments> both(Rule rule, String failing, String passing) {
    return Stream.of(
        arguments(rule, POSTGRESQL, failing, passing), arguments(rule, SQLITE, failing, passing));
  }

  private static Stream<Arguments> pg(Rule rule, String failing, String passing) {
    return Stream.of(arguments(rule, POSTGRESQL, failing, passing));
  }

  private static Stream<Arguments> sqlite(Rule rule, String failing, String passing) {
    return Stream.of(arguments(rule, SQLITE, failing, passing));
  }
}
