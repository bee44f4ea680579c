package com.datamingle.adapter.web;

import com.datamingle.adapter.web.testing.WebTestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent profile edits over SQLite. */
class ConcurrentProfileEditsTest extends ConcurrentProfileEditsContract {
  @TempDir Path dir;

  @Override
  WebTestApp newApp() throws Exception {
    return new WebTestApp(dir, WebSettings.defaults());
  }
}
