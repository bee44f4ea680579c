package com.datamingle.adapter.cli.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.cli.command.CliRun;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lock.SchemaLock;
import com.datamingle.migrations.scripts.ScriptSource;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import com.datamingle.migrations.testing.QueryRows;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real {@code datamingle db upgrade} processes of the packaged jar started at once on one
 * PostgreSQL schema whose pending script is a {@code -- datamingle:no-transaction} {@code CREATE
 * INDEX CONCURRENTLY} over a table with rows: the test holds the migration lock until all three
 * wait for it, so they do overlap; all exit 0, the script is applied once, the index is valid.
 */
class NoTransactionConcurrentUpgradeIT {
  private static final String INDEX = "20261202000002";
  @TempDir Path dir;

  @Test
  void threeUpgradeProcessesApplyAConcurrentIndexScriptOnce() throws Exception {
    Path scripts = projectScripts();
    try (ServeInstances cluster = ServeInstances.onPostgres()) {
      cluster.env("DATAMINGLE_MIGRATIONS", scripts.toString());
      write(
          scripts,
          "20261202000001_create_items.sql",
          "CREATE TABLE items (id BIGINT, label TEXT);");
      CliRun first = cluster.cli("db", "upgrade");
      assertThat(first.exitCode()).as(first.err()).isZero();
      try (Connection c = cluster.database().connect();
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO items SELECT g, md5(g::text) FROM generate_series(1, 200000) g");
      }
      write(
          scripts,
          INDEX + "_index_items.sql",
          "-- datamingle:no-transaction\n"
              + "CREATE INDEX CONCURRENTLY ix_items_label ON items (label);");

      List<ServeInstance> runs = new ArrayList<>();
      try (SchemaLock.Held held = lock(cluster.database()).acquire(Duration.ofSeconds(10))) {
        for (int i = 0; i < 3; i++) {
          runs.add(cluster.start("db", "upgrade"));
        }
        for (ServeInstance run : runs) {
          awaitLine(run, "Waiting for the migration lock");
        }
      }
      for (ServeInstance run : runs) {
        assertThat(run.awaitExit()).as(run.logs()).isZero();
      }

      assertThat(runs.stream().filter(r -> (r.stdout() + r.stderr()).contains("Applying " + INDEX)))
          .as(cluster.logs())
          .hasSize(1);
      assertThat(
              QueryRows.of(
                  cluster.database()::connect,
                  "SELECT count(*) FROM changelog WHERE id = " + INDEX))
          .containsExactly("1");
      assertThat(
              QueryRows.of(
                  cluster.database()::connect,
                  "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_items_label'::regclass"))
          .containsExactly("t");
    }
  }

  /** The project's own scripts of both dialects, copied into a folder of the test. */
  private Path projectScripts() throws Exception {
    Path scripts = dir.resolve("migrations");
    ScriptSource packaged = ScriptSource.packaged();
    for (Dialect d : Dialect.values()) {
      Path folder = Files.createDirectories(scripts.resolve(d.name().toLowerCase()));
      for (String name : packaged.list(d)) {
        try (InputStream in = packaged.open(d, name).orElseThrow()) {
          Files.copy(in, folder.resolve(name));
        }
      }
    }
    return scripts;
  }

  private static void write(Path scripts, String name, String up) throws Exception {
    Files.writeString(scripts.resolve("postgresql").resolve(name), up + "\n\n-- //@UNDO\n");
  }

  private static SchemaLock lock(PostgresTestDatabase db) {
    return SchemaLock.forTarget(new MigrationTarget(db.jdbcUrl(), db.user(), db.password()));
  }

  private static void awaitLine(ServeInstance run, String text) throws InterruptedException {
    Instant deadline = Instant.now().plus(ServeInstance.STARTUP);
    while (!(run.stdout() + run.stderr()).contains(text)) {
      if (!run.alive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError(run.name() + " never said \"" + text + "\"\n" + run.logs());
      }
      Thread.sleep(100);
    }
  }
}
