package com.datamingle.adapter.web;

import com.datamingle.adapter.web.testing.WebTestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AfterProperty;

/** The generative HTTP properties over SQLite, a fresh database file per property. */
class GenerativeHttpTest extends GenerativeHttpContract {
  Path dir;

  @Override
  WebTestApp newApp(WebSettings settings) throws Exception {
    dir = Files.createTempDirectory("datamingle-generative");
    return new WebTestApp(dir, settings);
  }

  @AfterProperty
  void deleteTheDatabase() {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
