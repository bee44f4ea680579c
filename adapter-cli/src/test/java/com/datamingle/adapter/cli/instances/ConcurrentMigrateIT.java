package com.datamingle.adapter.cli.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.lock.SchemaLock;
import com.datamingle.migrations.scripts.ScriptSource;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A rolling deploy's first step on PostgreSQL: three real instances started at once with {@code
 * serve --migrate} on an empty schema. One applies the migrations, the others wait on the migration
 * lock and then serve.
 */
class ConcurrentMigrateIT {
  private static final Pattern APPLYING = Pattern.compile("Applying (\\d{14}) ");

  @Test
  void threeInstancesStartedTogetherApplyEachMigrationOnceAndAllServe() throws Exception {
    try (ServeInstances cluster = ServeInstances.onPostgres()) {
      // the test holds the migration lock until all three wait for it: they do start together
      List<ServeInstance> up = new ArrayList<>();
      try (SchemaLock.Held held = lock(cluster).acquire(Duration.ofSeconds(10))) {
        for (int i = 0; i < 3; i++) {
          up.add(cluster.start("serve", "--migrate"));
        }
        for (ServeInstance instance : up) {
          awaitLine(instance, "Waiting for the migration lock");
        }
      }
      up.forEach(ServeInstance::awaitReady);

      List<String> scripts =
          ScriptSource.packaged().list(Dialect.POSTGRESQL).stream()
              .map(name -> name.substring(0, 14))
              .sorted()
              .toList();
      assertThat(changelogIds(cluster)).as(cluster.logs()).isEqualTo(scripts);
      List<String> applied = new ArrayList<>();
      for (ServeInstance instance : up) {
        Matcher m = APPLYING.matcher(instance.stderr());
        while (m.find()) {
          applied.add(m.group(1));
        }
      }
      assertThat(applied).as("what the instances applied\n" + cluster.logs()).isEqualTo(scripts);
      assertThat(up)
          .as(cluster.logs())
          .filteredOn(i -> i.stderr().contains("another process brought the schema to head"))
          .hasSize(2);
      for (ServeInstance instance : up) {
        assertThat(instance.get("/ready", null).status()).isEqualTo(200);
        assertThat(instance.lines())
            .as(instance.logs())
            .noneMatch(line -> line.contains("ERROR") || line.contains("Exception"))
            .noneMatch(line -> line.contains("WARN"))
            .anyMatch(line -> line.startsWith("datamingle listening on " + instance.baseUrl()));
      }
    }
  }

  private static SchemaLock lock(ServeInstances cluster) {
    PostgresTestDatabase db = cluster.database();
    return SchemaLock.forTarget(new MigrationTarget(db.jdbcUrl(), db.user(), db.password()));
  }

  private static void awaitLine(ServeInstance instance, String text) throws InterruptedException {
    Instant deadline = Instant.now().plus(ServeInstance.STARTUP);
    while (!instance.stderr().contains(text)) {
      if (!instance.alive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            instance.name() + " never said \"" + text + "\"\n" + instance.logs());
      }
      Thread.sleep(100);
    }
  }

  private static List<String> changelogIds(ServeInstances cluster) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = cluster.database().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM changelog ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getBigDecimal(1).toPlainString());
      }
    }
    return ids;
  }
}
