package com.datamingle.adapter.persistence.change;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import com.datamingle.migrations.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two processes' persistence modules on one database: what one commits, the listening other hears
 * (its cached user dropped, its revocations updated); what one rolls back, nobody hears.
 */
abstract class ChangesContract {
  @RegisterExtension final TestDatabase db;
  PersistenceModule writer;
  PersistenceModule server;

  ChangesContract(TestDatabase db) {
    this.db = db.migrated();
  }

  @BeforeEach
  void open() {
    writer = PersistenceModule.open(db.settings(0), Clock.systemUTC());
    server = PersistenceModule.open(db.settings(0), Clock.systemUTC());
    server.listenForChanges();
  }

  @AfterEach
  void close() {
    writer.close();
    server.close();
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void aCommittedChangeDropsTheListeningServersCachedUser() {
    assertThat(server.invalidation()).isEqualTo("live");
    User user = aUser().build();
    writer.unitOfWork().inTransaction(() -> writer.userRepository().insertIfAbsent(user));
    // the server caches the user (for 30 s while it listens)
    assertThat(server.userRepository().findByWorkosUserId(user.workosUserId())).contains(user);

    User off = user.withActive(false, user.updatedAt().plusSeconds(1));
    writer
        .unitOfWork()
        .inTransaction(
            () -> {
              writer.userRepository().update(off);
              return null;
            });

    await(
        "the server serves the deactivated user",
        () -> !server.userRepository().findByWorkosUserId(user.workosUserId()).get().active());
  }

  @Test
  void optimisticWritesOfSeveralUsersInOneStatementDropEachFromTheListeningServersCache() {
    User first = aUser().withWorkosUserId("user_01MANYA").build();
    User second = aUser().withWorkosUserId("user_01MANYB").build();
    writer.unitOfWork().inTransaction(() -> writer.userRepository().insertIfAbsent(first));
    writer.unitOfWork().inTransaction(() -> writer.userRepository().insertIfAbsent(second));
    assertThat(server.userRepository().findByWorkosUserId(first.workosUserId())).contains(first);
    assertThat(server.userRepository().findByWorkosUserId(second.workosUserId())).contains(second);

    User firstOff = first.withActive(false, first.updatedAt().plusSeconds(1));
    User secondOff = second.withActive(false, second.updatedAt().plusSeconds(1));
    writer
        .unitOfWork()
        .inTransaction(
            () ->
                writer
                    .userRepository()
                    .updateAllIfUnchanged(
                        List.of(
                            new UserRepository.OptimisticUpdate(first, firstOff),
                            new UserRepository.OptimisticUpdate(second, secondOff))));

    await(
        "the server serves both deactivated users",
        () ->
            !server.userRepository().findByWorkosUserId(first.workosUserId()).get().active()
                && !server
                    .userRepository()
                    .findByWorkosUserId(second.workosUserId())
                    .get()
                    .active());
  }

  @Test
  void aRolledBackChangeIsNeverAnnounced() {
    WorkOsUserId sub = new WorkOsUserId("user_01ROLLBACK");
    Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertThatThrownBy(
            () ->
                writer
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          writer.tokenRevocations().signOut(sub, Instant.now());
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    // a committed revocation after it arrives; the rolled back one never did
    writer
        .unitOfWork()
        .inTransaction(
            () -> {
              writer.tokenRevocations().revokeSession(sub, "session_01AFTER", Instant.now());
              return null;
            });
    await(
        "the committed revocation arrives",
        () -> server.tokenRevocations().refuses(sub, "session_01AFTER", issued));
    assertThat(server.tokenRevocations().refuses(sub, "session_01OTHER", issued)).isFalse();
  }

  @Test
  void aSignOutReachesTheServerAndARestartedServerReadsItBack() {
    WorkOsUserId sub = new WorkOsUserId("user_01SIGNED");
    Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    writer
        .unitOfWork()
        .inTransaction(
            () -> {
              writer.tokenRevocations().signOut(sub, Instant.now());
              return null;
            });
    await(
        "the sign-out arrives",
        () -> server.tokenRevocations().refuses(sub, "session_01ANY", issued));
    assertThat(server.tokenRevocations().refuses(sub, "session_01ANY", issued.plusSeconds(2)))
        .as("a token issued after the sign-out")
        .isFalse();

    try (PersistenceModule restarted = PersistenceModule.open(db.settings(0), Clock.systemUTC())) {
      restarted.listenForChanges();
      assertThat(restarted.tokenRevocations().refuses(sub, "session_01ANY", issued)).isTrue();
    }
  }
}
