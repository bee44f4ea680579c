package com.datamingle.adapter.web.workos;

import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.testing.WebTestApp;

/** The webhook over PostgreSQL, in a schema of its own per test. */
class WorkOsWebhookPostgresIT extends WorkOsWebhookContract {
  @Override
  WebTestApp newApp(WebSettings settings) throws Exception {
    return WebTestApp.onIsolatedPostgres(settings);
  }
}
