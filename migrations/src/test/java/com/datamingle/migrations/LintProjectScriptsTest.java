package com.datamingle.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.lint.Finding;
import com.datamingle.migrations.lint.LintReport;
import com.datamingle.migrations.lint.Rule;
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
    Path scripts = dir.resolve("migrations");
    Files.createDirectories(scripts.resolve("sqlite"));
    Files.copy(
        getClass().getResourceAsStream("scripts/sqlite/20261124000001_create_changelog.sql"),
        scripts.resolve("sqlite/20261124000001_create_changelog.sql"));
    Files.writeString(
        scripts.resolve("sqlite/20261124000002_create_t.sql"),
        "CREATE TABLE t (a INTEGER, b TEXT);\n-- //@UNDO\nDROP TABLE t;\n");
    DatabaseMigrator.create(sqlite(), ScriptSource.directory(scripts)).upgrade(null, null);
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

  private LintReport lintPending(ScriptSource scripts) {
    return MigrationLint.lint(sqlite(), scripts, EnumSet.allOf(Dialect.class), false);
  }
}
