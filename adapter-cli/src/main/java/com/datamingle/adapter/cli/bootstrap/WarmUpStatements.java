package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The warm-up of the SQL itself: the write statements of sign-ins and profile edits run on the real
 * database in transactions that are always rolled back, so they are parsed, planned and compiled
 * (and prepared on the pool's connections) but no row stays; then a page of real users is read and
 * mapped, as an admin's list would.
 */
final class WarmUpStatements {
  /** Rounds of rolled-back writes. */
  private static final int ROUNDS = 6;

  /** What makes the unit of work roll back. */
  private static final class RollBack extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RollBack() {
      super("warm-up writes are always rolled back", null, false, false);
    }
  }

  private WarmUpStatements() {}

  static void run(PersistenceModule persistence, Clock clock, long deadline) {
    UserRepository users = persistence.userRepository();
    UnitOfWork unitOfWork = persistence.unitOfWork();
    for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
      // "WARMUP" holds letters no WorkOS id has (WorkOS ids are Crockford base 32: no U)
      User fresh = newUser(persistence, clock, "user_WARMUP" + round);
      User other = newUser(persistence, clock, "user_WARMUPX" + round);
      try {
        unitOfWork.inTransaction(
            () -> {
              users.insertIfAbsent(fresh);
              users.insertAllIfAbsent(List.of(other));
              User stored = users.findByWorkosUserIdForUpdate(fresh.workosUserId()).orElseThrow();
              User edited =
                  stored.withProfile(
                      ProfileUpdate.nothing().withFirstName(new PersonName("Warm")),
                      clock.instant());
              users.updateIfUnchanged(stored, edited);
              users.update(edited.signedIn("session_warmup", clock.instant()));
              users.findByIdForUpdate(other.id());
              throw new RollBack();
            });
      } catch (RollBack expected) {
        // nothing was written
      }
    }
    List<User> page = users.search(new UserSearch(null, null, null, null, 50));
    for (User user : page) {
      if (System.nanoTime() >= deadline) {
        return;
      }
      users.findById(user.id());
    }
  }

  private static User newUser(PersistenceModule persistence, Clock clock, String workosId) {
    Instant now = clock.instant();
    return User.register(
        persistence.idGenerator().newUserId(),
        new WorkOsUserId(workosId),
        new IdentityProfile(new Email("warm-up@warm-up.invalid"), null, null, null),
        now);
  }
}
