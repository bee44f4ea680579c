package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.GetUserUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.signout.SignOutUserUseCase;
import com.datamingle.application.port.in.sync.PurgeDeletedUsersUseCase;
import com.datamingle.application.port.in.sync.SyncWorkOsEventsUseCase;
import com.datamingle.application.service.ApplicationServices;
import com.datamingle.migrations.DatabaseMigrator;
import java.time.Clock;

/** The operators' process: the admin use cases behind the `users` commands. */
public final class AdminWiring {
  private AdminWiring() {}

  /** The admin use cases over the configured database; closing it closes the pool. */
  public record UserAdmin(
      ListUsersUseCase listUsers,
      GetUserUseCase getUser,
      ChangeUserAccessUseCase changeUserAccess,
      SyncWorkOsEventsUseCase syncWorkOsEvents,
      PurgeDeletedUsersUseCase purgeDeletedUsers,
      SignOutUserUseCase signOutUser,
      PersistenceModule persistence)
      implements AutoCloseable {
    @Override
    public void close() {
      persistence.close();
    }
  }

  /** Refuses a database another tool made, or one whose schema is not at head. */
  public static UserAdmin userAdmin(Settings settings, Clock clock) {
    DatabaseMigrator migrator = MigrationWiring.migrator(settings);
    MigrationWiring.refuseForeign(migrator, "use");
    if (!migrator.status().atHead()) {
      throw new ServiceRefused(
          "the database schema is not at head; run `datamingle db upgrade` first");
    }
    PersistenceModule persistence =
        PersistenceModule.openForCommand(MigrationWiring.database(settings), clock);
    ApplicationServices services =
        ApplicationWiring.services(persistence, ApplicationWiring.NO_DIRECTORY, settings, clock);
    return new UserAdmin(
        services.listUsers(),
        services.getUser(),
        services.changeUserAccess(),
        services.syncWorkOsEvents(),
        services.purgeDeletedUsers(),
        services.signOutUser(),
        persistence);
  }
}
