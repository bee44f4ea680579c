package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.DatabaseSettings;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationTarget;
import com.datamingle.migrations.ScriptSource;

/** The composition root: builds the object graph by hand, in dependency order. */
public final class Wiring {
  private Wiring() {}

  public static DatabaseSettings database(Settings settings) {
    return DatabaseSettings.fromUrl(settings.databaseUrl());
  }

  public static DatabaseMigrator migrator(Settings settings) {
    DatabaseSettings database = database(settings);
    MigrationTarget target = new MigrationTarget(database.jdbcUrl(), database.user(), database.password());
    ScriptSource scripts = settings.migrationsDir() == null
        ? ScriptSource.packaged()
        : ScriptSource.directory(settings.migrationsDir());
    return DatabaseMigrator.create(target, scripts);
  }
}
