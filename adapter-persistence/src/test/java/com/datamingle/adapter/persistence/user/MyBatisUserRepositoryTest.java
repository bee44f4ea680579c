package com.datamingle.adapter.persistence.user;

import com.datamingle.migrations.database.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite: a file in a temporary folder. */
class MyBatisUserRepositoryTest extends MyBatisContractSupport {
  @TempDir Path dir;

  @BeforeEach
  void openSqlite() {
    open(DatabaseSettings.fromUrl("jdbc:sqlite:" + dir.resolve("db.sqlite")));
  }
}
