package com.datamingle.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserFixtures;
import com.datamingle.migrations.database.DatabaseSettings;
import com.datamingle.migrations.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The reads UserReads builds in Java return what UserMapper.xml returns (the service's module):
   * every field, nulls, timestamps with microseconds, the flags, a deleted user's absence, and each
   * combination of the search's filters, pages and LIKE escapes.
   */
  @Test
  void readsWhatTheXmlMapperReadsForEveryFieldAndSearch() {
    List<User> users = new ArrayList<>();
    User deleted;
    try (PersistenceModule module = PersistenceModule.open(db.settings(0), Clock.systemUTC())) {
      users.add(user(module).withFirstName(null).withLastName(null).build());
      users.add(
          user(module)
              .withEmail("under_score%50@example.com")
              .withFirstName("Zoë")
              .withLastName("O'Hara")
              .withPicture("https://example.com/p.png")
              .withTimezone("Europe/Paris")
              .withLanguage("fr")
              .admin(true)
              .createdAt(Instant.parse("2026-03-04T05:06:07.123456Z"))
              .lastLogin(Instant.parse("2026-03-05T01:02:03.000001Z"), "session_01X")
              .build());
      users.add(user(module).active(false).admin(true).withFirstName("Under_score").build());
      users.add(user(module).active(false).withLastName("Lovelace").build());
      deleted = user(module).build();
      users.forEach(module.userRepository()::insertIfAbsent);
      module.userRepository().insertIfAbsent(deleted);
      module.userRepository().delete(deleted);
    }
    try (PersistenceModule xml = PersistenceModule.open(db.settings(0), Clock.systemUTC());
        UserReads reads = UserReads.open(db.settings(0))) {
      UserRepository java = reads.userRepository();
      for (User u : users) {
        assertThat(java.findById(u.id())).isEqualTo(xml.userRepository().findById(u.id()));
        assertThat(java.findById(u.id())).contains(u);
        assertThat(java.findByWorkosUserId(u.workosUserId()))
            .isEqualTo(xml.userRepository().findByWorkosUserId(u.workosUserId()))
            .contains(u);
        assertThat(java.findByEmail(u.email()))
            .isEqualTo(xml.userRepository().findByEmail(u.email()))
            .containsExactly(u);
      }
      assertThat(java.findById(deleted.id()))
          .isEmpty()
          .isEqualTo(xml.userRepository().findById(deleted.id()));
      assertThat(java.findByWorkosUserId(deleted.workosUserId())).isEmpty();
      assertThat(java.findByEmail(deleted.email())).isEmpty();
      assertThat(java.search(new UserSearch(null, null, null, null, 50))).hasSameElementsAs(users);
      for (String prefix : new String[] {null, "under_", "under%", "zo", "lov", "nobody"}) {
        for (Boolean active : new Boolean[] {null, true, false}) {
          for (Boolean admin : new Boolean[] {null, true, false}) {
            for (int limit : new int[] {1, 2, 50}) {
              UserSearch first = new UserSearch(prefix, active, admin, null, limit);
              List<User> page = java.search(first);
              assertThat(page).isEqualTo(xml.userRepository().search(first));
              if (!page.isEmpty()) {
                UserSearch next = new UserSearch(prefix, active, admin, page.get(0).id(), limit);
                assertThat(java.search(next)).isEqualTo(xml.userRepository().search(next));
              }
            }
          }
        }
      }
    }
  }

  private static UserFixtures.Builder user(PersistenceModule module) {
    return UserFixtures.aUser().withId(module.idGenerator().newUserId());
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
