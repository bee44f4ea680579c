package com.datamingle.migrations.testing;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The base of a contract run on both databases: each subclass passes its {@link TestDatabase}
 * (SQLite or PostgreSQL), and every test gets a fresh database of that kind.
 */
public abstract class DatabaseContract {
  @RegisterExtension protected final TestDatabase db;

  protected DatabaseContract(TestDatabase db) {
    this.db = db;
  }

  protected MigrationTarget target() {
    return db.target();
  }

  /** A plain connection for checking what a test did. */
  protected Connection connect() throws SQLException {
    return db.connect();
  }

  /** A migrator with the packaged scripts. */
  protected DatabaseMigrator packaged() {
    return DatabaseMigrator.create(target(), ScriptSource.packaged());
  }
}
