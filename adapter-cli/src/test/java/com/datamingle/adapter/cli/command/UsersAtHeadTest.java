package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The {@code users} commands check the schema from the scripts' names alone (no checksum): they
 * still refuse a schema behind head and one ahead of it, with the message they always gave.
 */
class UsersAtHeadTest extends CliDatabaseTest {
  static final String USERS = "20261124000002";
  static final String NOT_AT_HEAD =
      "the database schema is not at head; run `datamingle db upgrade` first";

  UsersAtHeadTest() {
    super(CliDatabase.Kind.SQLITE);
  }

  @Test
  void atHeadTheCommandRuns() {
    assertThat(run("db", "upgrade").exitCode()).isZero();

    CliRun list = run("users", "list");

    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.err()).doesNotContain(NOT_AT_HEAD);
  }

  @Test
  void refusesASchemaBehindHead() {
    assertThat(run("db", "upgrade", USERS).exitCode()).isZero();

    CliRun show = run("users", "show", "someone@example.com");
    CliRun list = run("users", "list");

    assertThat(show.exitCode()).isNotZero();
    assertThat(show.err()).contains(NOT_AT_HEAD);
    assertThat(list.exitCode()).isNotZero();
    assertThat(list.err()).contains(NOT_AT_HEAD);
  }

  @Test
  void refusesASchemaAheadOfHead() throws Exception {
    assertThat(run("db", "upgrade").exitCode()).isZero();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      // what a newer build leaves: a changelog row for a script this build does not have
      s.executeUpdate(
          "INSERT INTO CHANGELOG (ID, APPLIED_AT, DESCRIPTION) VALUES (20991231000000,"
              + " '2099-12-31 00:00:00', 'from a newer build')");
    }

    CliRun show = run("users", "show", "someone@example.com");

    assertThat(show.exitCode()).isNotZero();
    assertThat(show.err()).contains(NOT_AT_HEAD);
  }
}
