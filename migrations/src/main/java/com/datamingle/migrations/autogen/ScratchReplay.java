package com.datamingle.migrations.autogen;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptSource;

/**
 * Brings a scratch database to head (or a version) through the migrator, which runs a script marked
 * {@code -- datamingle:no-transaction} statement by statement outside a transaction, as on a real
 * database.
 */
final class ScratchReplay {
  private ScratchReplay() {}

  static void toHead(MigrationTarget scratch, ScriptSource scripts) {
    upTo(scratch, scripts, null);
  }

  /** Brings a scratch database up to {@code version} (null: head). */
  static void upTo(MigrationTarget scratch, ScriptSource scripts, String version) {
    DatabaseMigrator.create(scratch, scripts).upgrade(version, null);
  }
}
