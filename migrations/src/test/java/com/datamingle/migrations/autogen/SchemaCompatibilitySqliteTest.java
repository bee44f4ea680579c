package com.datamingle.migrations.autogen;

import com.datamingle.migrations.testing.TestDatabase;

/** Older code's view of a newer schema, on SQLite. */
class SchemaCompatibilitySqliteTest extends SchemaCompatibilityContract {
  SchemaCompatibilitySqliteTest() {
    super(TestDatabase.sqlite());
  }
}
