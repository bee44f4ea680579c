package com.datamingle.adapter.cli.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A test of the command line against one database, fresh for each test; annotate a subclass with
 * {@link OnEachDatabase} to run it on both.
 */
abstract class CliDatabaseTest {
  @RegisterExtension final CliDatabase database;

  CliDatabaseTest(CliDatabase.Kind kind) {
    database = new CliDatabase(kind);
  }

  /** The environment the commands run with: the database's variables. */
  Map<String, String> env() {
    return database.env();
  }

  CliRun run(String... args) {
    return CliRun.run(env(), args);
  }

  Connection connect() throws SQLException {
    return database.connect();
  }
}
