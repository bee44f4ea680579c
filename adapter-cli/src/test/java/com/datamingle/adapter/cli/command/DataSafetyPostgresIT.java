package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.FlaskPrototype;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The data-safety rules on the real PostgreSQL, in a schema of its own per test. */
class DataSafetyPostgresIT extends DataSafetyContract {
  DataSafetyPostgresIT() {
    super(CliDatabase.Kind.POSTGRESQL);
  }

  /** Every table of the schema with its columns and all its rows. */
  @Override
  String fingerprint() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                  + database.postgres().schema()
                  + "' ORDER BY table_name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        out.append("table ").append(t).append('\n');
        try (ResultSet rs =
            s.executeQuery(
                "SELECT column_name, data_type, is_nullable, column_default FROM"
                    + " information_schema.columns WHERE table_schema = '"
                    + database.postgres().schema()
                    + "' AND table_name = '"
                    + t
                    + "' ORDER BY column_name")) {
          while (rs.next()) {
            out.append("  ")
                .append(rs.getString(1))
                .append(' ')
                .append(rs.getString(2))
                .append(' ')
                .append(rs.getString(3))
                .append(' ')
                .append(rs.getString(4))
                .append('\n');
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + t + "\" t ORDER BY 1")) {
          while (rs.next()) {
            out.append("  row ").append(rs.getString(1)).append('\n');
          }
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT indexdef FROM pg_indexes WHERE schemaname = '"
                  + database.postgres().schema()
                  + "' ORDER BY 1")) {
        while (rs.next()) {
          out.append(rs.getString(1)).append('\n');
        }
      }
    }
    return out.toString();
  }

  @Override
  void loadPrototype() throws Exception {
    FlaskPrototype.loadInto(database.postgres());
  }

  /** A real SQLite backup made by `db backup`. */
  @Override
  Path backupOfTheOtherKind() throws Exception {
    Map<String, String> sqlite =
        Map.of("DATABASE_URL", "jdbc:sqlite:" + files.resolve("other.sqlite"));
    CliRun.run(sqlite, "db", "upgrade");
    Path backup = files.resolve("sqlite.backup");
    assertThat(CliRun.run(sqlite, "db", "backup", "--to", backup.toString()).exitCode()).isZero();
    return backup;
  }

  @Test
  void aRestoreThatFailsHalfWayIsRolledBackWhole() throws Exception {
    String role = "dm_i12_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      run("db", "upgrade");
      insertUsers(0, 3);
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE ROLE " + role);
        s.execute("GRANT SELECT ON users TO " + role);
      }
      Path backup = backupFolder().resolve("with-grant.dump");
      assertThat(run("db", "backup", "--to", backup.toString()).exitCode()).isZero();
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute("REVOKE SELECT ON users FROM " + role);
        s.execute("DROP ROLE " + role); // the dump now grants to a role this server does not have
      }
      insertUsers(10, 2);
      String before = fingerprint();

      CliRun restore = run("db", "restore", backup.toString(), "--yes");

      assertThat(restore.exitCode()).as(restore.out()).isEqualTo(1);
      assertThat(restore.err()).contains("rolled back").contains("as it was").contains(role);
      assertThat(fingerprint()).isEqualTo(before);
      assertThat(users()).hasSize(5);
      try (Connection c = connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'dm_restore_%'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("no schema left aside").isZero();
      }
    } finally {
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute(
            "REVOKE ALL ON ALL TABLES IN SCHEMA " + database.postgres().schema() + " FROM " + role);
        s.execute("DROP ROLE IF EXISTS " + role);
      } catch (SQLException ignored) {
        // the role is gone already
      }
    }
  }

  @Test
  void aBackupOfAnotherSchemaIsRestoredIntoThisOne() throws Exception {
    Path backup = backupFolder().resolve("elsewhere.dump");
    try (var other = com.datamingle.migrations.testing.PostgresTestDatabase.createIsolated()) {
      Map<String, String> there = Map.of("DATABASE_URL", other.postgresUrl());
      CliRun.run(there, "db", "upgrade");
      try (Connection c = other.connect();
          Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO users (id, workos_user_id, email, created_at, updated_at) VALUES"
                + " ('0192b3c4-5d6e-7f80-9a1b-00000000aaaa', 'user_01ELSE', 'else@example.com',"
                + " now(), now())");
      }
      assertThat(CliRun.run(there, "db", "backup", "--to", backup.toString()).exitCode()).isZero();
      run("db", "upgrade");
      insertUsers(0, 2);

      CliRun restore = run("db", "restore", backup.toString(), "--yes");

      assertThat(restore.exitCode()).as(restore.err()).isZero();
      assertThat(users())
          .containsExactly("0192b3c4-5d6e-7f80-9a1b-00000000aaaa|else@example.com|null");
      try (Connection c = other.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
        rs.next();
        assertThat(rs.getInt(1)).as("the other schema is left as it was").isEqualTo(1);
      }
    }
  }
}
