package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.auth.DevSigningKey;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.application.service.ApplicationServices;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import com.datamingle.migrations.DatabaseMigrator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** `dev token`: access tokens that `serve --dev` accepts, signed with the local dev key. */
public final class DevTokens {
  /** Where dev mode keeps its signing key: beside the SQLite file, in the working directory. */
  public static final Path DEV_DIR = Path.of(".datamingle-dev");

  /** Who the tokens are for, how long they last, and whether their one user is made an admin. */
  public record Request(
      List<String> emails, String firstName, String lastName, boolean admin, Duration ttl) {}

  private DevTokens() {}

  /** Dev access tokens, one per email, signed with one load of the dev key. */
  public static List<String> mint(Settings settings, Path devDir, Request request, Clock clock) {
    if (settings.environment() == Settings.Environment.PRODUCTION) {
      throw new Settings.InvalidSettings(
          "dev tokens cannot be made with DATAMINGLE_ENV=production");
    }
    Minter minter = new Minter(settings, DevSigningKey.loadOrCreate(devDir), request, clock);
    if (request.admin()) {
      return request.emails().stream().map(minter::token).toList();
    }
    // signing is CPU work only: use every core (bulk tokens are for load tests)
    return request.emails().parallelStream().map(minter::token).toList();
  }

  /** Signs the tokens of one request with one load of the key. */
  private record Minter(Settings settings, DevSigningKey key, Request request, Clock clock) {

    /**
     * A dev access token for this email; with {@code admin}, the user is created now and made an
     * admin.
     */
    private String token(String email) {
      Email address = new Email(email);
      PersonName first = PersonName.ofNullable(request.firstName());
      PersonName last = PersonName.ofNullable(request.lastName());
      DevSigningKey.DevToken token =
          key.mint(
              address.value(),
              first == null ? null : first.value(),
              last == null ? null : last.value(),
              request.ttl(),
              clock);
      if (request.admin()) {
        makeAdmin(token, new IdentityProfile(address, first, last, null));
      }
      return token.token();
    }

    private void makeAdmin(DevSigningKey.DevToken token, IdentityProfile profile) {
      DatabaseMigrator migrator = MigrationWiring.migrator(settings);
      if (!migrator.versions().atHead()) {
        migrator.upgrade(null, null);
      }
      try (PersistenceModule persistence =
          PersistenceModule.openForCommand(MigrationWiring.database(settings), clock)) {
        ApplicationServices services =
            ApplicationWiring.services(
                persistence, ApplicationWiring.NO_DIRECTORY, settings, clock);
        User user =
            services
                .resolveSignIn()
                .resolveSignIn(
                    new ResolveSignInUseCase.Command(
                        new WorkOsUserId(token.subject()), token.sessionId(), profile));
        services
            .changeUserAccess()
            .changeUserAccess(
                new ChangeUserAccessUseCase.Command(new UserReference.ById(user.id()), true, true));
      }
    }
  }
}
