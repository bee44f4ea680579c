package com.datamingle.adapter.cli.fullstack;

/** The generative HTTP properties over PostgreSQL, a schema of its own per property. */
class GenerativeHttpPostgresIT extends GenerativeHttpContract {
  @Override
  FullStack.Database database() {
    return FullStack.Database.POSTGRESQL;
  }
}
