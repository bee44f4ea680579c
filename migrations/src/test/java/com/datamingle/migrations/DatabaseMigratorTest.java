package com.datamingle.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrator on a SQLite file in a temporary folder. */
class DatabaseMigratorTest extends DatabaseMigratorContract {
  @TempDir Path dir;
  private MigrationTarget target;

  @BeforeEach
  void newDatabase() {
    target = new MigrationTarget("jdbc:sqlite:" + dir.resolve("db.sqlite"), null, null);
  }

  @Override
  MigrationTarget target() {
    return target;
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(target.jdbcUrl());
  }

  @Override
  String schema() {
    return null;
  }

  @Test
  void bothDialectsHaveTheSameMigrationIds() {
    assertThat(ScriptSource.packaged().list(Dialect.SQLITE))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(ScriptSource.packaged().list(Dialect.POSTGRESQL));
  }

  @Test
  void everyPackagedScriptHasAnUndoSection() throws IOException {
    for (Dialect dialect : Dialect.values()) {
      for (String name : ScriptSource.packaged().list(dialect)) {
        try (InputStream in = ScriptSource.packaged().open(dialect, name).orElseThrow()) {
          String text =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                  .lines()
                  .collect(Collectors.joining("\n"));
          assertThat(text).as(dialect + "/" + name).contains("-- //@UNDO");
        }
      }
    }
  }

  @Test
  void sqliteLockFileNamesItsHolder() {
    assertThat(target.sqliteFile()).contains(dir.resolve("db.sqlite").toAbsolutePath());
    assertThat(new MigrationTarget("jdbc:sqlite::memory:", null, null).sqliteFile()).isEmpty();
    assertThat(SchemaLock.whoAmI()).contains("pid " + ProcessHandle.current().pid());
  }

  @Test
  void aDriversMultiLineMessageIsQuotedAsOneLine() {
    assertThat(
            MigrationFailure.oneLine(
                "ERROR: relation \"x\" does not exist\n  Hint: create it\r\n  Position: 15\n"))
        .isEqualTo("ERROR: relation \"x\" does not exist; Hint: create it; Position: 15");
    assertThat(MigrationFailure.oneLine(null)).isEqualTo("no message");
    assertThat(MigrationFailure.oneLine("x".repeat(1000))).hasSize(403);
  }
}
