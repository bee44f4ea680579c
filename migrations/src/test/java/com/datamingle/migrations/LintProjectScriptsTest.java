package com.datamingle.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lint.Finding;
import com.datamingle.migrations.lint.LintReport;
import com.datamingle.migrations.lint.Rule;
import com.datamingle.migrations.scripts.ScriptSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db lint} over real scripts and a real SQLite database. */
class LintProjectScriptsTest {
  @TempDir Path dir;

  private MigrationTarget sqlite() {
    return new MigrationTarget("jdbc:sqlite:" + dir.resolve("db.sqlite"), null, null);
  }

  @Test
  void theProjectsOwnScriptsPassInBothDialects() {
    LintReport report =
        MigrationLint.lint(sqlite(), ScriptSource.packaged(), EnumSet.allOf(Dialect.class), true);

    assertThat(report.checkedFiles()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void withoutAllOnlyPendingScriptsAreChecked() {
    assertThat(lintPending(ScriptSource.packaged()).checkedFiles())
        .contains(
            "sqlite/20261124000002_create_users.sql", "postgresql/20261124000002_create_users.sql");

    DatabaseMigrator.create(sqlite(), ScriptSource.packaged()).upgrade(null, null);

    assertThat(lintPending(ScriptSource.packaged()).checkedFiles()).isEmpty();
  }

  @Test
  void aPendingRebuildSaysHowManyRowsTheConfiguredDatabaseHolds() throws Exception {
    Path scripts = migrationsWithTableT();
    try (Connection c = DriverManager.getConnection(sqlite().jdbcUrl());
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, NULL)");
    }
    Files.writeString(
        scripts.resolve("sqlite/20261124000003_rebuild_t.sql"),
        """
        -- // b becomes NOT NULL
        CREATE TABLE t__dm_new (a INTEGER, b TEXT NOT NULL DEFAULT '');
        INSERT INTO t__dm_new (a, b) SELECT a, coalesce(b, '') FROM t;
        DROP TABLE t;
        ALTER TABLE t__dm_new RENAME TO t;
        -- //@UNDO
        """);

    LintReport report =
        MigrationLint.lint(
            sqlite(), ScriptSource.directory(scripts), Set.of(Dialect.SQLITE), false);

    assertThat(report.checkedFiles()).containsExactly("sqlite/20261124000003_rebuild_t.sql");
    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.TABLE_REBUILD);
              assertThat(f.line()).isEqualTo(4);
              assertThat(f.why())
                  .startsWith("rebuilds table t (3 rows in the configured database)");
            });
    assertThat(report.findings()).allMatch(f -> !f.blocking(), "a rebuild is a warning");
    assertThat(report.findings())
        .extracting(Finding::file)
        .containsOnly("20261124000003_rebuild_t.sql");
  }

  @Test
  void requireSafeRefusesAnUnacceptedErrorUnlessItsRuleIsAllowed() throws Exception {
    Path scripts = migrationsWithTableT();
    Files.writeString(
        scripts.resolve("sqlite/20261124000003_drop_b.sql"),
        "ALTER TABLE t DROP COLUMN b;\nDROP INDEX ix_t_a;\n-- //@UNDO\n");
    ScriptSource source = ScriptSource.directory(scripts);

    assertThatThrownBy(() -> MigrationLint.requireSafe(sqlite(), source, Set.of()))
        .isInstanceOf(MigrationFailure.class)
        .hasMessageContaining("1 statement(s) unsafe on a live database")
        .hasMessageContaining("drop-column at sqlite/20261124000003_drop_b.sql:1")
        .hasMessageContaining("--allow drop-column");
    assertThat(MigrationLint.requireSafe(sqlite(), source, Set.of("drop-column")).findings())
        .extracting(f -> f.rule().id())
        .containsExactly("drop-column");
    assertThatThrownBy(() -> MigrationLint.requireSafe(sqlite(), source, Set.of("drop-colum")))
        .hasMessageContaining("--allow drop-colum: no such lint rule");
  }

  /** A scripts folder with the changelog and a table t (a, b), applied to the database. */
  private Path migrationsWithTableT() throws Exception {
    Path scripts = dir.resolve("migrations");
    Files.createDirectories(scripts.resolve("sqlite"));
    Files.copy(
        getClass().getResourceAsStream("scripts/sqlite/20261124000001_create_changelog.sql"),
        scripts.resolve("sqlite/20261124000001_create_changelog.sql"));
    Files.writeString(
        scripts.resolve("sqlite/20261124000002_create_t.sql"),
        "CREATE TABLE t (a INTEGER, b TEXT);\n-- //@UNDO\nDROP TABLE t;\n");
    DatabaseMigrator.create(sqlite(), ScriptSource.directory(scripts)).upgrade(null, null);
    return scripts;
  }

  private LintReport lintPending(ScriptSource scripts) {
    return MigrationLint.lint(sqlite(), scripts, EnumSet.allOf(Dialect.class), false);
  }
}
