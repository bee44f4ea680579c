package com.datamingle.adapter.web.workos;

import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.testing.WebTestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The webhook over SQLite. */
class WorkOsWebhookTest extends WorkOsWebhookContract {
  @TempDir Path dir;

  @Override
  WebTestApp newApp(WebSettings settings) throws Exception {
    return new WebTestApp(dir, settings);
  }
}
