package com.datamingle.adapter.cli.fullstack;

/** The generative HTTP properties over SQLite, a fresh database file per property. */
class GenerativeHttpTest extends GenerativeHttpContract {
  @Override
  FullStack.Database database() {
    return FullStack.Database.SQLITE;
  }
}
