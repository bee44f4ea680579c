package com.datamingle.adapter.web;

import com.datamingle.adapter.persistence.DatabaseSettings;
import com.datamingle.adapter.web.testing.WebTestApp;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

/** Concurrent profile edits over PostgreSQL, in a schema of its own. */
class ConcurrentProfileEditsPostgresIT extends ConcurrentProfileEditsContract {
  private PostgresTestDatabase database;

  @Override
  WebTestApp newApp() throws Exception {
    database = PostgresTestDatabase.createIsolated();
    return new WebTestApp(new DatabaseSettings(DatabaseSettings.Vendor.POSTGRESQL, database.jdbcUrl(), database.user(),
        database.password(), 10), WebSettings.defaults());
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
