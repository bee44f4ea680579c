package com.datamingle.adapter.web.archviolation;

import com.datamingle.migrations.DatabaseMigrator;
import org.apache.ibatis.migration.operations.UpOperation;

/** Deliberately bad: the web adapter migrating the schema itself. */
public class WebUsesMigrations {
  DatabaseMigrator migrator;
  UpOperation up;
}
