package com.datamingle.migrations.backup;

import com.datamingle.migrations.database.MigrationFailure;
import java.nio.file.Path;

/** A restore on one kind of database: {@link SqliteRestore} or {@link PostgresRestore}. */
interface Restorer {
  /**
   * Checks that {@code file} (of the given kind) is a backup this restore can use; refuses anything
   * else with a message that says what the file is. The database is only read.
   */
  DatabaseRestore.Verified verify(Path file, BackupFile.Kind kind);

  /** Replaces the database's contents with the verified backup; on failure nothing changes. */
  void apply(DatabaseRestore.Verified backup);

  /** The refusal of a file that is not a backup for this database: {@code file} is {@code what}. */
  static MigrationFailure refusal(Path file, String what) {
    return new MigrationFailure(file + " is " + what + "; the database is unchanged");
  }
}
