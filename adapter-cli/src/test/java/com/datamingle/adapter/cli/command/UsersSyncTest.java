package com.datamingle.adapter.cli.command;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class UsersSyncTest extends UsersSyncContract {
  @TempDir Path dir;

  @Override
  Map<String, String> databaseEnv() {
    return Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite"));
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite"));
  }
}
