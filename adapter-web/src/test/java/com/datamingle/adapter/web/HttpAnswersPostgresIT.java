package com.datamingle.adapter.web;

import com.datamingle.adapter.web.testing.WebTestApp;

/** The HTTP answers over PostgreSQL, in a schema of its own per test. */
class HttpAnswersPostgresIT extends HttpAnswersContract {
  @Override
  WebTestApp newApp(WebSettings settings) throws Exception {
    return WebTestApp.onIsolatedPostgres(settings);
  }
}
