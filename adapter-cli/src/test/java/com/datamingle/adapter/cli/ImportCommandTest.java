package com.datamingle.adapter.cli;

import com.datamingle.migrations.testing.FlaskPrototype;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code db import} through the command line, SQLite file to SQLite file. */
class ImportCommandTest extends ImportCommandContract {
  final AtomicInteger made = new AtomicInteger();

  @Override
  String targetUrl() {
    return "jdbc:sqlite:" + files.resolve("target" + made.incrementAndGet() + ".sqlite");
  }

  @Override
  String prototypeUrl() throws Exception {
    Path file = files.resolve("prototype" + made.incrementAndGet() + ".sqlite");
    FlaskPrototype.copySqliteTo(file);
    return "sqlite:///" + file;
  }

  @Override
  boolean untouched(String targetUrl) {
    return !Files.exists(Path.of(targetUrl.substring("jdbc:sqlite:".length())));
  }
}
