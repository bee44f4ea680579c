package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest extends LifecycleContract {
  @TempDir Path dir;

  @Override
  Map<String, String> env() {
    return Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite"));
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite"));
  }

  @Override
  String dialect() {
    return "sqlite";
  }

  @Test
  void dbInitScaffoldsAndDbNewWritesBothDialects() throws Exception {
    Path folder = dir.resolve("project-migrations");
    CliRun init = run("db", "init", folder.toString());
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(folder.resolve("sqlite/20261124000001_create_changelog.sql")).exists();
    assertThat(folder.resolve("postgresql/20261124000001_create_changelog.sql")).exists();
    assertThat(folder.resolve("README.md")).exists();
    assertThat(run("db", "init", folder.toString()).err()).contains("never overwrites");

    assertThat(run("db", "new", "-m", "add teams").exitCode()).as("needs a folder").isEqualTo(2);
    CliRun created =
        CliRun.run(
            Map.of(
                "DATABASE_URL",
                env().get("DATABASE_URL"),
                "DATAMINGLE_MIGRATIONS",
                folder.toString()),
            "db",
            "new",
            "-m",
            "Add teams table!");
    assertThat(created.exitCode()).as(created.err()).isZero();
    try (var files = Files.list(folder.resolve("sqlite"))) {
      String name =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith("_add_teams_table.sql"))
              .findFirst()
              .orElseThrow();
      assertThat(folder.resolve("postgresql").resolve(name)).exists();
      assertThat(Files.readString(folder.resolve("sqlite").resolve(name))).contains("-- //@UNDO");
    }
  }
}
