package com.datamingle.adapter.web;

import com.datamingle.adapter.web.testing.WebTestApp;

/** The generative HTTP properties over PostgreSQL, a schema of its own per property. */
class GenerativeHttpPostgresIT extends GenerativeHttpContract {
  @Override
  WebTestApp newApp(WebSettings settings) throws Exception {
    return WebTestApp.onIsolatedPostgres(settings);
  }
}
