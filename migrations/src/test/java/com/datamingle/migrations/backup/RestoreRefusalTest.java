package com.datamingle.migrations.backup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each restore refuses a file made for the other database before it reads the database. */
class RestoreRefusalTest {
  @TempDir Path dir;

  @Test
  void sqliteRefusesAPostgresDumpAndATextFile() throws Exception {
    DatabaseRestore restore =
        new DatabaseRestore(
            new MigrationTarget("jdbc:sqlite:" + dir.resolve("db.sqlite"), null, null));
    Path dump =
        Files.write(
            dir.resolve("x.dump"), "PGDMP\u0001\u000e".getBytes(StandardCharsets.ISO_8859_1));
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");

    assertThatThrownBy(() -> restore.verify(dump))
        .isInstanceOf(MigrationFailure.class)
        .hasMessage(
            dump
                + " is a PostgreSQL dump, not a SQLite backup: restore it into a PostgreSQL"
                + " database (DATABASE_URL=postgresql://...); the database is unchanged");
    assertThatThrownBy(() -> restore.verify(text))
        .hasMessage(
            text
                + " is a text file, not a SQLite backup made by `db backup`; the database is"
                + " unchanged");
  }

  @Test
  void postgresRefusesASqliteFileWithoutConnecting() throws Exception {
    Path sqlite = dir.resolve("copy.sqlite");
    Files.write(sqlite, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
    DatabaseRestore restore =
        new DatabaseRestore(new MigrationTarget("jdbc:postgresql://127.0.0.1:1/none", null, null));

    assertThatThrownBy(() -> restore.verify(sqlite))
        .hasMessage(
            sqlite
                + " is a SQLite database, not a PostgreSQL backup: restore it into a SQLite"
                + " database (DATABASE_URL=jdbc:sqlite:FILE); the database is unchanged");
  }
}
