package com.datamingle.migrations.autogen;

import com.datamingle.migrations.testing.TestDatabase;

/** Older code's view of a newer schema, on PostgreSQL (scratch schema in the same database). */
class SchemaCompatibilityPostgresIT extends SchemaCompatibilityContract {
  SchemaCompatibilityPostgresIT() {
    super(TestDatabase.postgres());
  }
}
