package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.common.UsageFailure;

/** The commands that write migration scripts need a folder to write them into. */
final class ScriptsFolder {
  private ScriptsFolder() {}

  /** A usage error naming {@code command} when neither --migrations nor the variable is set. */
  static void require(Settings settings, String command) {
    if (settings.migrationsDir() == null) {
      throw new UsageFailure(
          command
              + " writes into a scripts folder: pass --migrations DIR or set"
              + " DATAMINGLE_MIGRATIONS (from a checkout, ./datamingle does that for you)");
    }
  }
}
