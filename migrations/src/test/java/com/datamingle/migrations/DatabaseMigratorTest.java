package com.datamingle.migrations;

import com.datamingle.migrations.database.MigrationTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The migrator on a SQLite file in a temporary folder. */
class DatabaseMigratorTest extends DatabaseMigratorContract {
  @TempDir Path dir;
  private MigrationTarget target;

  @BeforeEach
  void newDatabase() {
    target = new MigrationTarget("jdbc:sqlite:" + dir.resolve("db.sqlite"), null, null);
  }

  @Override
  MigrationTarget target() {
    return target;
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(target.jdbcUrl());
  }

  @Override
  String schema() {
    return null;
  }
}
