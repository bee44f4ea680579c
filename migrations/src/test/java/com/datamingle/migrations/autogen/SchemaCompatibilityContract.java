package com.datamingle.migrations.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.scripts.ScriptSource;
import com.datamingle.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whether the packaged scripts' code survives what a newer migration did to a live schema at head:
 * additions are fine, anything that takes away or changes what the scripts made, or refuses the
 * rows older code writes, is not.
 */
abstract class SchemaCompatibilityContract {
  @RegisterExtension final TestDatabase db;

  SchemaCompatibilityContract(TestDatabase db) {
    this.db = db.migrated();
  }

  /** What the code of the packaged scripts finds breaking after {@code newerMigration} ran. */
  List<String> breakingAfter(String... newerMigration) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String sql : newerMigration) {
        s.execute(sql);
      }
    }
    DatabaseMigrator live = DatabaseMigrator.create(db.target(), ScriptSource.packaged());
    String head = live.status().current().map(MigrationEntry::id).orElseThrow();
    return new SchemaCompatibility(ScriptSource.packaged(), Map.of()).breaking(live, head);
  }

  boolean postgres() {
    return db.dialect() == Dialect.POSTGRESQL;
  }

  @Test
  void nothingChangedIsCompatible() throws Exception {
    assertThat(breakingAfter()).isEmpty();
  }

  @Test
  void aNewNullableColumnANewTableAndANewIndexAreAdditive() throws Exception {
    assertThat(
            breakingAfter(
                "ALTER TABLE users ADD COLUMN nickname VARCHAR(50)",
                "ALTER TABLE users ADD COLUMN theme VARCHAR(20) NOT NULL DEFAULT 'light'",
                "CREATE TABLE teams (id VARCHAR(40) NOT NULL PRIMARY KEY, name VARCHAR(100) NOT"
                    + " NULL UNIQUE)",
                "CREATE INDEX ix_users_last_name ON users (last_name)"))
        .isEmpty();
  }

  @Test
  void aDroppedColumnBreaks() throws Exception {
    assertThat(breakingAfter("ALTER TABLE users DROP COLUMN last_session_id"))
        .containsExactly("column users.last_session_id is gone (dropped or renamed)");
  }

  @Test
  void aRenamedColumnBreaks() throws Exception {
    assertThat(breakingAfter("ALTER TABLE users RENAME COLUMN first_name TO given_name"))
        .containsExactly("column users.first_name is gone (dropped or renamed)");
  }

  @Test
  void aDroppedTableOrIndexBreaks() throws Exception {
    assertThat(breakingAfter("DROP TABLE sync_cursors", "DROP INDEX ix_users_email"))
        .containsExactlyInAnyOrder(
            "table sync_cursors is gone (dropped or renamed)",
            "index users.ix_users_email is gone");
  }

  @Test
  void aNewNotNullColumnWithoutADefaultBreaksTheInsertsOfOlderCode() throws Exception {
    // SQLite cannot add one with ALTER TABLE; a newer migration would rebuild the table
    String[] migration =
        postgres()
            ? new String[] {"ALTER TABLE users ADD COLUMN tenant_id VARCHAR(40) NOT NULL"}
            : new String[] {
              "CREATE TABLE sync_cursors_new (name TEXT NOT NULL PRIMARY KEY, last_event_id TEXT"
                  + " NOT NULL, updated_at TIMESTAMP NOT NULL, shard INTEGER NOT NULL)",
              "DROP TABLE sync_cursors",
              "ALTER TABLE sync_cursors_new RENAME TO sync_cursors"
            };
    String table = postgres() ? "users.tenant_id" : "sync_cursors.shard";
    assertThat(breakingAfter(migration))
        .containsExactly(
            "new column "
                + table
                + " is NOT NULL without a default: rows this version inserts would be refused");
  }

  @Test
  void aNewCheckOnATableOfOlderCodeMayRefuseItsRows() throws Exception {
    String migration =
        postgres()
            ? "ALTER TABLE workos_events ADD CONSTRAINT ck_event_type CHECK (event_type <> '')"
            : "CREATE UNIQUE INDEX ux_users_email ON users (email)";
    assertThat(breakingAfter(migration))
        .singleElement()
        .asString()
        .startsWith("new ")
        .contains("may refuse rows this version writes");
  }
}
