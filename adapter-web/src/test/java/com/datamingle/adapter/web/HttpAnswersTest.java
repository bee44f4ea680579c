package com.datamingle.adapter.web;

import com.datamingle.adapter.web.testing.WebTestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP answers over SQLite. */
class HttpAnswersTest extends HttpAnswersContract {
  @TempDir Path dir;

  @Override
  WebTestApp newApp(WebSettings settings) throws Exception {
    return new WebTestApp(dir, settings);
  }
}
