package com.datamingle.adapter.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.testing.FlaskPrototype;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The data-safety rules on a SQLite file. */
class DataSafetyTest extends DataSafetyContract {
  DataSafetyTest() {
    super(CliDatabase.Kind.SQLITE);
  }

  Path db() {
    return database.sqliteFile();
  }

  /**
   * The database file's bytes, and which files lie beside it (no -wal, -shm or lock file may
   * appear).
   */
  @Override
  String fingerprint() throws Exception {
    String hash =
        Files.exists(db())
            ? HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db())))
            : "none";
    try (var list = Files.list(backupFolder())) {
      return hash + " " + list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Override
  void loadPrototype() throws Exception {
    FlaskPrototype.copySqliteTo(db());
  }

  @Override
  Path backupOfTheOtherKind() throws Exception {
    // the first bytes of pg_dump's custom format ("PGDMP", version, sizes), as `db backup` writes
    // on PostgreSQL
    byte[] header = {'P', 'G', 'D', 'M', 'P', 1, 14, 0, 4, 8, 1, 1};
    return Files.write(files.resolve("postgres.dump"), header);
  }

  @Test
  void aConnectionOpenDuringTheRestoreSeesTheRestoredDatabaseAfterIt() throws Exception {
    Path backup = backupOfUsers(5, "five.backup");
    insertUsers(5, 5);
    try (Connection server = connect();
        Statement s = server.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
      assertThat(count(s)).isEqualTo(10);

      CliRun restore = run("db", "restore", backup.toString(), "--yes");

      assertThat(restore.exitCode()).as(restore.err()).isZero();
      assertThat(count(s)).as("the open connection reads the restored rows").isEqualTo(5);
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("wal");
      }
    }
    try (var list = Files.list(backupFolder())) {
      assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".restore-"));
    }
  }

  private static int count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aDamagedSqliteFileIsNamedAsSuch() throws Exception {
    Path backup = backupOfUsers(50, "good.backup");
    byte[] bytes = Files.readAllBytes(backup);
    for (int i = 4096 + 200; i < bytes.length - 100; i += 997) {
      bytes[i] ^= 0x5a; // scribble over every page but the header
    }
    Path damaged = Files.write(files.resolve("damaged.backup"), bytes);
    String before = fingerprint();

    CliRun restore = run("db", "restore", damaged.toString(), "--yes");

    assertThat(restore.exitCode()).isEqualTo(1);
    assertThat(restore.err()).containsAnyOf("damaged", "not a readable SQLite database");
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void aSqliteDatabaseWithoutOurChangelogIsNotABackup() throws Exception {
    run("db", "upgrade");
    Path other = files.resolve("other.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    }
    Path emptyDb = files.resolve("empty.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + emptyDb);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 1"); // writes the header: a SQLite database with no table
    }

    assertThat(run("db", "restore", other.toString(), "--yes").err())
        .contains("not made by DataMingle")
        .contains("notes");
    assertThat(run("db", "restore", emptyDb.toString(), "--yes").err())
        .contains("empty SQLite database");
    assertThat(new String(Files.readAllBytes(emptyDb), 0, 15, StandardCharsets.US_ASCII))
        .isEqualTo("SQLite format 3");
  }
}
