package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The schema on {@code /metrics}: the applied version and how many migrations are pending, read
 * from the database at most every {@link #FRESH_FOR}, so that scrapes do not query it each time.
 */
final class SchemaGauges {
  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final DatabaseMigrator migrator;
  private final Clock clock;
  private MigrationStatus status;
  private Instant readAt;

  private SchemaGauges(DatabaseMigrator migrator, Clock clock) {
    this.migrator = migrator;
    this.clock = clock;
  }

  static void register(Metrics metrics, DatabaseMigrator migrator, Clock clock) {
    SchemaGauges schema = new SchemaGauges(migrator, clock);
    metrics
        .gauge(
            "datamingle_schema_version",
            "The newest applied migration's id (yyyyMMddHHmmss), 0 when none is",
            () -> schema.status().current().map(e -> Double.parseDouble(e.id())).orElse(0.0))
        .gauge(
            "datamingle_schema_pending_migrations",
            "Migrations not yet applied",
            () -> schema.status().withState(MigrationEntry.State.PENDING).size());
  }

  private synchronized MigrationStatus status() {
    Instant now = clock.instant();
    if (status == null || !now.isBefore(readAt.plus(FRESH_FOR))) {
      status = migrator.status();
      readAt = now;
    }
    return status;
  }
}
