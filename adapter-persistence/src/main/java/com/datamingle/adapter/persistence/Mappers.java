package com.datamingle.adapter.persistence;

import com.datamingle.adapter.persistence.change.ChangePersistence;
import com.datamingle.adapter.persistence.revocation.RevocationPersistence;
import com.datamingle.adapter.persistence.sync.SyncPersistence;
import com.datamingle.adapter.persistence.user.UserPersistence;
import com.datamingle.migrations.database.DatabaseSettings;
import org.apache.ibatis.session.AutoMappingUnknownColumnBehavior;
import org.apache.ibatis.session.Configuration;

/**
 * MyBatis's statements for one database, parsed from the mappers' XML: the larger part of opening
 * the persistence module, and one that needs no connection ({@link PersistenceModule#open(
 * DatabaseSettings, java.time.Clock, Mappers)} adds the pool). For one module.
 */
public final class Mappers {
  private final Configuration configuration;

  private Mappers(Configuration configuration) {
    this.configuration = configuration;
  }

  /** The statements for the database {@code settings} name (its dialect picks the variants). */
  public static Mappers parse(DatabaseSettings settings) {
    Configuration configuration = new Configuration();
    configuration.setMapUnderscoreToCamelCase(true);
    configuration.setAutoMappingUnknownColumnBehavior(AutoMappingUnknownColumnBehavior.FAILING);
    configuration.setDefaultStatementTimeout(30);
    configuration.setDatabaseId(settings.dialect().id());
    UserPersistence.configure(configuration);
    SyncPersistence.configure(configuration);
    ChangePersistence.configure(configuration);
    RevocationPersistence.configure(configuration);
    return new Mappers(configuration);
  }

  Configuration configuration() {
    return configuration;
  }
}
