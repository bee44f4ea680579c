package com.datamingle.adapter.web;

import com.datamingle.adapter.web.testing.WebTestApp;

/** Concurrent profile edits over PostgreSQL, in a schema of its own. */
class ConcurrentProfileEditsPostgresIT extends ConcurrentProfileEditsContract {
  @Override
  WebTestApp newApp() throws Exception {
    return WebTestApp.onIsolatedPostgres(WebSettings.defaults());
  }
}
