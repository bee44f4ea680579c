package com.datamingle.adapter.web.archviolation;

import com.datamingle.migrations.database.DatabaseSettings;

/** Deliberately bad: the web adapter reading the database URL itself. */
public class WebUsesDatabaseSettings {
  DatabaseSettings settings;
}
