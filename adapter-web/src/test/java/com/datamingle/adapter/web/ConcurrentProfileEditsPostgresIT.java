package com.datamingle.adapter.web;

import com.datamingle.adapter.web.testing.WebTestApp;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

/** Concurrent profile edits over PostgreSQL, in a schema of its own. */
class ConcurrentProfileEditsPostgresIT extends ConcurrentProfileEditsContract {
  private PostgresTestDatabase database;

  @Override
  WebTestApp newApp() throws Exception {
    database = PostgresTestDatabase.createIsolated();
    return WebTestApp.onPostgres(database, WebSettings.defaults());
  }

  @AfterEach
  void dropSchema() {
    close();
    app = null;
    if (database != null) {
      database.close();
    }
  }
}
