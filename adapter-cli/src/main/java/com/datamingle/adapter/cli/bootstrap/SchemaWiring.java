package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.migrations.autogen.Autogen;
import com.datamingle.migrations.autogen.DeclaredSchema;
import com.datamingle.migrations.autogen.SchemaCompatibility;
import com.datamingle.migrations.autogen.SchemaDrift;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;

/**
 * The declared schema and what compares schemas: autogenerate (db migrate, db check) and drift (db
 * drift, stamp's check, serve's start-up check).
 */
public final class SchemaWiring {
  private SchemaWiring() {}

  /**
   * The declared schema: the file of DATAMINGLE_SCHEMA, or the one packaged with the persistence
   * adapter.
   */
  public static DeclaredSchema declaredSchema(Settings settings) {
    try {
      String text;
      if (settings.schemaFile() != null) {
        text = Files.readString(settings.schemaFile());
      } else {
        try (InputStream in =
            PersistenceModule.class.getResourceAsStream(PersistenceModule.DECLARED_SCHEMA)) {
          if (in == null) {
            throw new ServiceRefused(
                "the declared schema is missing from this build; set DATAMINGLE_SCHEMA to its"
                    + " file");
          }
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return DeclaredSchema.parse(text);
    } catch (IOException e) {
      throw new ServiceRefused(
          "cannot read the declared schema " + settings.schemaFile() + ": " + e.getMessage());
    }
  }

  /**
   * Autogenerate over the configured scripts, with a PostgreSQL for scratch schemas when one is
   * known.
   */
  public static Autogen autogen(Settings settings) {
    return new Autogen(
        MigrationWiring.scripts(settings), declaredSchema(settings), scratchServers(settings));
  }

  /**
   * The live schema against what migrations make (db drift, stamp's check, serve's start-up check).
   */
  public static SchemaDrift schemaDrift(Settings settings) {
    return new SchemaDrift(MigrationWiring.scripts(settings), scratchServers(settings));
  }

  /** Whether this build's schema survives newer migrations (serve on a newer schema). */
  public static SchemaCompatibility schemaCompatibility(Settings settings) {
    return new SchemaCompatibility(MigrationWiring.scripts(settings), scratchServers(settings));
  }

  /**
   * Where scratch schemas may be made: DATAMINGLE_DEV_POSTGRES_URL, else the PostgreSQL of
   * DATABASE_URL.
   */
  private static Map<Dialect, MigrationTarget> scratchServers(Settings settings) {
    Map<Dialect, MigrationTarget> scratch = new EnumMap<>(Dialect.class);
    DatabaseSettings database = MigrationWiring.database(settings);
    if (settings.devPostgresUrl() != null) {
      DatabaseSettings dev =
          DatabaseSettings.fromUrl(settings.devPostgresUrl(), 0, "DATAMINGLE_DEV_POSTGRES_URL");
      if (dev.dialect() != Dialect.POSTGRESQL) {
        throw new Settings.InvalidSettings(
            "DATAMINGLE_DEV_POSTGRES_URL must name a PostgreSQL database");
      }
      scratch.put(Dialect.POSTGRESQL, MigrationWiring.target(dev));
    } else if (database.dialect() == Dialect.POSTGRESQL) {
      scratch.put(Dialect.POSTGRESQL, MigrationWiring.target(database));
    }
    return scratch;
  }
}
