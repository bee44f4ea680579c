package com.datamingle.migrations.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.MigrationLint;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.scripts.ScriptSource;
import com.datamingle.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@link LintRulesTest#rules()} on the real database of its dialect: the schema and
 * then the passing script run there (the safe form is valid SQL on that database; a no-transaction
 * script statement by statement in autocommit, as the runner does), and the failing script is
 * linted through {@code db lint}'s path with the database reachable, so a rebuild reports the rows
 * the real table holds.
 */
class LintRulesOnRealDatabasesTest {
  private static final String CHANGE = "20260102000000_change.sql";

  @RegisterExtension final TestDatabase sqlite = TestDatabase.sqlite();
  @RegisterExtension final TestDatabase postgres = TestDatabase.postgres();
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @MethodSource("com.datamingle.migrations.lint.LintRulesTest#rules")
  void theFailingScriptIsFlaggedAndThePassingOneRunsOnTheRealDatabase(
      Rule rule, SqlDialect dialect, String failing, String passing) throws Exception {
    TestDatabase db = dialect == SqlDialect.SQLITE ? sqlite : postgres;
    String schema =
        dialect == SqlDialect.SQLITE ? LintRulesTest.SQLITE_SCHEMA : LintRulesTest.POSTGRES_SCHEMA;
    run(db, schema);
    run(
        db,
        "INSERT INTO teams (id) VALUES (1), (2);\n"
            + "INSERT INTO users (id, email, name, age, team_id) VALUES"
            + " (1, 'a@example.org', 'A', 30, 1), (2, 'b@example.org', 'B', 40, 2),"
            + " (3, 'c@example.org', 'C', 50, 1);");

    List<Finding> found = lintAgainst(db, schema, failing);

    assertThat(found.stream().filter(f -> !f.accepted()).map(Finding::rule))
        .as("dangerous")
        .contains(rule);
    if (rule == Rule.TABLE_REBUILD) {
      assertThat(found)
          .filteredOn(f -> f.rule() == Rule.TABLE_REBUILD)
          .first()
          .satisfies(f -> assertThat(f.why()).contains("(3 rows in the configured database)"));
    }
    run(db, passing);
  }

  /**
   * Lints {@code failing} as the pending script after {@code schema}, with {@code db} reachable.
   */
  private List<Finding> lintAgainst(TestDatabase db, String schema, String failing)
      throws Exception {
    Path scripts = dir.resolve("migrations");
    Path folder = scripts.resolve(db.dialect() == Dialect.SQLITE ? "sqlite" : "postgresql");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("20260101000000_schema.sql"), schema + "-- //@UNDO\n");
    Files.writeString(folder.resolve(CHANGE), failing + "\n-- //@UNDO\n");
    return MigrationLint.lint(
            db.target(), ScriptSource.directory(scripts), Set.of(db.dialect()), true)
        .findings()
        .stream()
        .filter(f -> f.file().equals(CHANGE))
        .toList();
  }

  /**
   * Runs a script as the runner would: in one transaction, or, with the no-transaction marker, each
   * statement on its own in autocommit.
   */
  private static void run(TestDatabase db, String script) throws SQLException {
    boolean noTransaction = StatementSplitter.noTransaction(script);
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(noTransaction);
      for (ScriptStatement statement : StatementSplitter.split(script)) {
        s.execute(statement.text());
      }
      if (!noTransaction) {
        c.commit();
      }
    }
  }
}
