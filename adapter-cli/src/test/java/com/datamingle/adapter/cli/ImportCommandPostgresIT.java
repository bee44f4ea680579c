package com.datamingle.adapter.cli;

import com.datamingle.migrations.testing.FlaskPrototype;
import com.datamingle.migrations.testing.PostgresSchemas;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code db import} through the command line, PostgreSQL schema to PostgreSQL schema. */
class ImportCommandPostgresIT extends ImportCommandContract {
  @RegisterExtension final PostgresSchemas schemas = new PostgresSchemas();

  @Override
  String targetUrl() {
    return schemas.create().postgresUrl();
  }

  @Override
  String prototypeUrl() throws Exception {
    PostgresTestDatabase db = schemas.create();
    FlaskPrototype.loadInto(db);
    return db.postgresUrl();
  }

  @Override
  boolean untouched(String targetUrl) throws Exception {
    return PostgresSchemas.tables(schemas.byUrl(targetUrl)) == 0;
  }
}
