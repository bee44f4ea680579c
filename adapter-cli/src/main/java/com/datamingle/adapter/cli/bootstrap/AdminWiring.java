package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.persistence.UserReads;
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

  /**
   * The use cases of the commands that only read users ({@code users show}, {@code users list}):
   * the user mapper alone over plain connections, no pool, no other use case ({@link UserReads}).
   */
  public record UserReading(GetUserUseCase getUser, ListUsersUseCase listUsers, UserReads reads)
      implements AutoCloseable {
    @Override
    public void close() {
      reads.close();
    }
  }

  /** As {@link #userAdmin}, for a command that only reads users; refuses what it refuses. */
  public static UserReading userReading(Settings settings) {
    // MyBatis reads the user mapper on another core meanwhile; nothing connects before the check
    InBackground<UserReads> preparing =
        InBackground.start(
            "datamingle-prepare", () -> UserReads.prepare(MigrationWiring.database(settings)));
    try {
      refuseUnlessAtHead(settings);
    } catch (RuntimeException e) {
      preparing.discard(UserReads::close);
      throw e;
    }
    UserReads reads = preparing.join().connect();
    ApplicationServices.Reads use = ApplicationServices.Reads.of(reads.userRepository());
    return new UserReading(use.getUser(), use.listUsers(), reads);
  }

  /** Refuses a database another tool made, or one whose schema is not at head. */
  public static UserAdmin userAdmin(Settings settings, Clock clock) {
    refuseUnlessAtHead(settings);
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

  private static void refuseUnlessAtHead(Settings settings) {
    DatabaseMigrator migrator = MigrationWiring.migrator(settings);
    MigrationWiring.refuseForeign(migrator, "use");
    if (!migrator.versions().atHead()) {
      throw new ServiceRefused(
          "the database schema is not at head; run `datamingle db upgrade` first");
    }
  }
}
