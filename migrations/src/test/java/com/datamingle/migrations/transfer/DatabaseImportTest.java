package com.datamingle.migrations.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.testing.FlaskPrototype;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db import} from SQLite files into SQLite files. */
class DatabaseImportTest extends DatabaseImportContract {
  @TempDir Path dir;
  final AtomicInteger files = new AtomicInteger();

  @Override
  MigrationTarget fresh() {
    return sqlite(dir.resolve("db" + files.incrementAndGet() + ".sqlite"));
  }

  static MigrationTarget sqlite(Path file) {
    return new MigrationTarget("jdbc:sqlite:" + file, null, null);
  }

  @Override
  MigrationTarget prototype() throws Exception {
    Path file = dir.resolve("prototype" + files.incrementAndGet() + ".sqlite");
    FlaskPrototype.copySqliteTo(file);
    return sqlite(file);
  }

  @Override
  String state(MigrationTarget source) throws Exception {
    Path file = source.sqliteFile().orElseThrow();
    return HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)))
        + " wal="
        + Files.exists(Path.of(file + "-wal"));
  }

  @Override
  boolean untouched(MigrationTarget target) {
    return !Files.exists(target.sqliteFile().orElseThrow());
  }

  @Override
  void changeFirstNamesOnInsert(MigrationTarget target) throws Exception {
    ImportFixtures.execute(
        target,
        "CREATE TRIGGER tamper AFTER INSERT ON users BEGIN UPDATE users SET first_name = 'X'"
            + " WHERE id = NEW.id; END");
  }

  @Test
  void theSameFileUnderAnotherNameIsRefused() throws Exception {
    MigrationTarget source = prototype();
    Path file = source.sqliteFile().orElseThrow();
    MigrationTarget same = sqlite(file.getParent().resolve(".").resolve(file.getFileName()));

    assertThatThrownBy(
            () -> ImportFixtures.importer(source, same, PLACEHOLDER).run(ImportListener.SILENT))
        .isInstanceOf(MigrationFailure.class)
        .hasMessageContaining("the same database");
    assertThat(ImportFixtures.count(source, "users")).isEqualTo(5);
  }

  @Test
  void aMissingOrForeignFileIsOneClearLine() throws Exception {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "hello");
    assertThatThrownBy(
            () ->
                ImportFixtures.importer(sqlite(dir.resolve("none.sqlite")), fresh(), DEFAULTS)
                    .run(ImportListener.SILENT))
        .hasMessageContaining("none.sqlite does not exist")
        .hasMessageContaining("--from");
    assertThatThrownBy(
            () ->
                ImportFixtures.importer(sqlite(text), fresh(), DEFAULTS).run(ImportListener.SILENT))
        .hasMessageContaining("is not a SQLite database");
    assertThat(Files.exists(dir.resolve("none.sqlite"))).isFalse();
  }
}
