package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.schema.DatabaseOrigin;
import com.datamingle.migrations.scripts.ScriptSource;

/** The database the settings name, and its migrator over the configured scripts. */
public final class MigrationWiring {
  private MigrationWiring() {}

  public static DatabaseSettings database(Settings settings) {
    return DatabaseSettings.fromUrl(
        settings.databaseUrl(), settings.databasePoolSize(), settings.databaseUrlSource());
  }

  public static DatabaseMigrator migrator(Settings settings) {
    return DatabaseMigrator.create(target(database(settings)), scripts(settings))
        .withApplyLimits(settings.applyLimits());
  }

  /**
   * The migration scripts: the folder of --migrations / DATAMINGLE_MIGRATIONS, or those packaged in
   * the jar.
   */
  public static ScriptSource scripts(Settings settings) {
    return settings.migrationsDir() == null
        ? ScriptSource.packaged()
        : ScriptSource.directory(settings.migrationsDir());
  }

  static MigrationTarget target(DatabaseSettings database) {
    return new MigrationTarget(database.jdbcUrl(), database.user(), database.password());
  }

  /** A database made by another tool is refused before anything reads its tables as ours. */
  static void refuseForeign(DatabaseMigrator migrator, String action) {
    DatabaseOrigin origin = migrator.origin();
    if (origin.foreign()) {
      throw new ServiceRefused(
          "refusing to "
              + action
              + " "
              + migrator.target().describe()
              + ": it is a database "
              + origin.describe()
              + ", not one DataMingle made; "
              + DatabaseOrigin.wayIn());
    }
  }
}
