package com.datamingle.adapter.persistence.archviolation;

import com.datamingle.migrations.DatabaseMigrator;

/** Deliberately bad: the persistence adapter migrating the schema itself. */
public class PersistenceUsesMigrator {
  DatabaseMigrator migrator;
}
