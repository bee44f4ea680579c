package com.datamingle.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserFixtures;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.testing.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** UserReads reads what the service wrote, over its plain connections, on each database. */
abstract class UserReadsContract {
  @RegisterExtension final TestDatabase db;

  UserReadsContract(TestDatabase db) {
    this.db = db.migrated();
  }

  @Test
  void readsTheUsersTheServiceWroteAgainAndAgain() {
    User user;
    try (PersistenceModule module = PersistenceModule.open(db.settings(0), Clock.systemUTC())) {
      user = UserFixtures.aUser().withId(module.idGenerator().newUserId()).build();
      module.userRepository().insertIfAbsent(user);
    }
    try (UserReads reads = UserReads.open(db.settings(0))) {
      assertThat(reads.userRepository().findById(user.id())).contains(user);
      assertThat(reads.userRepository().findByEmail(user.email())).containsExactly(user);
      assertThat(reads.userRepository().findByWorkosUserId(user.workosUserId())).contains(user);
    }
  }

  @Test
  void closingBeforeAnyReadClosesTheConnectionItOpened() {
    UserReads reads = UserReads.open(db.settings(0));
    reads.close();
    reads.close();
  }

  @Test
  void anUnreachableDatabaseGivesOneClearMessageWithoutThePassword() {
    DatabaseSettings settings =
        DatabaseSettings.fromUrl("postgresql://app:s3cret@127.0.0.1:1/nope");

    assertThatThrownBy(() -> UserReads.open(settings))
        .isInstanceOf(DatabaseUnavailable.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nope")
        .hasMessageContaining("check DATABASE_URL")
        .hasMessageNotContaining("s3cret");
  }
}
