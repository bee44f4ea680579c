package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.client.workos.WorkOsUserDirectory;
import com.datamingle.application.port.out.IdGenerator;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.user.WorkOsUserId;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.transfer.DatabaseImport;
import com.datamingle.migrations.transfer.EmailLookup;
import com.datamingle.migrations.transfer.ImportOptions;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires {@code db import}: the source from {@code --from}, the target from DATABASE_URL, the
 * domain's rules for users, WorkOS for missing emails, and the service's id generator.
 */
public final class ImportWiring {
  private ImportWiring() {}

  public static DatabaseImport databaseImport(
      Settings settings, String fromUrl, ImportOptions options) {
    DatabaseSettings from = DatabaseSettings.fromUrl(fromUrl, 0, "--from");
    MigrationTarget source = new MigrationTarget(from.jdbcUrl(), from.user(), from.password());
    IdGenerator ids = PersistenceModule.idGenerator(Clock.systemUTC());
    return new DatabaseImport(
        source,
        MigrationWiring.migrator(settings),
        MigrationWiring.scripts(settings),
        new DomainValueRules(),
        emails(settings),
        () -> ids.newUserId().value(),
        options);
  }

  private static EmailLookup emails(Settings settings) {
    if (settings.workosApiKey() == null) {
      return EmailLookup.UNAVAILABLE;
    }
    WorkOsUserDirectory directory =
        new WorkOsUserDirectory(
            settings.apiBaseUrl(), settings.workosApiKey(), Duration.ofSeconds(10));
    return workosUserId -> {
      try {
        return directory.fetchProfile(new WorkOsUserId(workosUserId)).map(p -> p.email().value());
      } catch (IdentityProviderUnavailable | InvalidValueException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    };
  }
}
