package com.datamingle.migrations.transfer;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.schema.DatabaseOrigin;
import com.datamingle.migrations.scripts.ScriptSource;
import java.sql.SQLException;
import java.util.List;

/**
 * What a source is: DataMingle's (at a version this build knows) or the Flask prototype's (an
 * Alembic revision and a users table with WorkOS ids). Anything else is refused before the target
 * is touched.
 */
record SourceKind(boolean prototype, String describe) {

  static SourceKind of(Snapshot from, ScriptSource scripts, MigrationTarget into)
      throws SQLException {
    MigrationTarget source = from.database;
    DatabaseOrigin origin = DatabaseOrigin.inspect(from.connection, from.dialect());
    switch (origin.kind()) {
      case EMPTY ->
          throw new MigrationFailure(
              "the source "
                  + source.describe()
                  + " holds no DataMingle data (no table, or only an empty changelog): there is"
                  + " nothing to import; "
                  + DatabaseImport.SOURCE_HINT);
      case DATAMINGLE -> {
        return dataMingle(source, scripts);
      }
      default -> {
        if ("Flask-Migrate/Alembic".equals(origin.madeBy()) && hasPrototypeUsers(from)) {
          return new SourceKind(
              true,
              "the Flask prototype's database (Alembic revision "
                  + (origin.revision() == null ? "unknown" : origin.revision())
                  + ")");
        }
        throw new MigrationFailure(
            "refusing to import from "
                + source.describe()
                + ": it is a database "
                + origin.describe()
                + ", neither DataMingle's nor the Flask prototype's (an alembic_version table and"
                + " a users table with workos_user_id); db import reads only those. Nothing was"
                + " written");
      }
    }
  }

  private static boolean hasPrototypeUsers(Snapshot from) throws SQLException {
    return Layout.read(from.connection, from.dialect())
        .table("users")
        .flatMap(t -> t.column("workos_user_id"))
        .isPresent();
  }

  private static SourceKind dataMingle(MigrationTarget source, ScriptSource scripts) {
    MigrationStatus status = DatabaseMigrator.create(source, scripts).status();
    List<MigrationEntry> unknown = status.withState(MigrationEntry.State.MISSING_SCRIPT);
    String head = status.head().map(MigrationEntry::label).orElse("none");
    String at = status.current().map(MigrationEntry::label).orElse("no migration");
    if (!unknown.isEmpty()) {
      throw new MigrationFailure(
          "refusing to import from "
              + source.describe()
              + ": it is at migration "
              + at
              + ", newer than this build's head "
              + head
              + " (it records "
              + unknown.size()
              + " migration(s) this build does not have: "
              + String.join(", ", unknown.stream().map(MigrationEntry::id).toList())
              + "); import with the datamingle build that made it. Nothing was written");
    }
    boolean atHead = status.current().equals(status.head());
    return new SourceKind(
        false,
        "a DataMingle database at "
            + at
            + (atHead ? " (head)" : " (read at its version; this build's head is " + head + ")"));
  }
}
