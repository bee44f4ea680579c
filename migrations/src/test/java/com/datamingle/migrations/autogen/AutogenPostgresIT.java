package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.testing.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Autogenerate on PostgreSQL, live database in a schema of its own. */
class AutogenPostgresIT extends AutogenContract {
  @RegisterExtension final PostgresSchema live = new PostgresSchema();

  @Override
  MigrationTarget live() {
    return new MigrationTarget(
        live.database().jdbcUrl(), live.database().user(), live.database().password());
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
