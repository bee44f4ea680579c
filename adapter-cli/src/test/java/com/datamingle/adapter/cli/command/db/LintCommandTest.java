package com.datamingle.adapter.cli.command.db;

import java.util.Map;

class LintCommandTest extends LintCommandContract {
  @Override
  Map<String, String> env() {
    return Map.of("DATABASE_URL", "jdbc:sqlite:" + folder.resolve("db.sqlite"));
  }

  @Override
  String dialect() {
    return "sqlite";
  }
}
