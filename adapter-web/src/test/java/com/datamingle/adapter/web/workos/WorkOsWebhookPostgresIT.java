package com.datamingle.adapter.web.workos;

import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.testing.WebTestApp;
import com.datamingle.migrations.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

/** The webhook over PostgreSQL, in a schema of its own per test. */
class WorkOsWebhookPostgresIT extends WorkOsWebhookContract {
  private PostgresTestDatabase database;

  @Override
  WebTestApp newApp(WebSettings settings) throws Exception {
    database = PostgresTestDatabase.createIsolated();
    return WebTestApp.onPostgres(database, settings);
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
