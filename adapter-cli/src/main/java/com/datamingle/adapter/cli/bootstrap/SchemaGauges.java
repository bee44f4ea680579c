package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import java.time.Clock;

/**
 * The schema on {@code /metrics}: the applied version and how many migrations are pending, read
 * from the database at most every {@link Refreshed#FRESH_FOR}.
 */
final class SchemaGauges {
  private SchemaGauges() {}

  static void register(Metrics metrics, DatabaseMigrator migrator, Clock clock) {
    Refreshed<MigrationStatus> schema = new Refreshed<>(migrator::status, clock);
    metrics
        .gauge(
            "datamingle_schema_version",
            "The newest applied migration's id (yyyyMMddHHmmss), 0 when none is",
            () -> schema.get().current().map(e -> Double.parseDouble(e.id())).orElse(0.0))
        .gauge(
            "datamingle_schema_pending_migrations",
            "Migrations not yet applied",
            () -> schema.get().withState(MigrationEntry.State.PENDING).size());
  }
}
