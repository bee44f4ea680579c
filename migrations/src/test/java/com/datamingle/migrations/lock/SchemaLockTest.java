package com.datamingle.migrations.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.database.MigrationTarget;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock names its holder, and knows which file a SQLite URL means. */
class SchemaLockTest {
  @TempDir Path dir;

  @Test
  void sqliteLockFileNamesItsHolder() {
    MigrationTarget target =
        new MigrationTarget("jdbc:sqlite:" + dir.resolve("db.sqlite"), null, null);
    assertThat(target.sqliteFile()).contains(dir.resolve("db.sqlite").toAbsolutePath());
    assertThat(new MigrationTarget("jdbc:sqlite::memory:", null, null).sqliteFile()).isEmpty();
    assertThat(SchemaLock.whoAmI()).contains("pid " + ProcessHandle.current().pid());
  }
}
