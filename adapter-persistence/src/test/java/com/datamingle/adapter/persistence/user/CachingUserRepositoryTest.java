package com.datamingle.adapter.persistence.user;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.persistence.tx.TransactionHooks;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.application.testing.InMemoryUserRepository;
import com.datamingle.application.testing.MutableClock;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserFixtures;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingUserRepositoryTest {
  final AtomicInteger reads = new AtomicInteger();

  /**
   * Runs in the middle of the next database read, after the row was read and before it is returned.
   */
  Runnable duringNextRead;

  final InMemoryUserRepository store =
      new InMemoryUserRepository() {
        @Override
        public synchronized Optional<User> findByWorkosUserId(WorkOsUserId id) {
          reads.incrementAndGet();
          Optional<User> found = super.findByWorkosUserId(id);
          Runnable interleaved = duringNextRead;
          duringNextRead = null;
          if (interleaved != null) {
            interleaved.run();
          }
          return found;
        }

        @Override
        public synchronized Optional<User> findById(UserId id) {
          reads.incrementAndGet();
          return super.findById(id);
        }
      };
  final Transactions transactions = new Transactions();
  final MutableClock clock = new MutableClock(UserFixtures.T0);
  final CachingUserRepository cache =
      new CachingUserRepository(store, transactions, clock, Duration.ofSeconds(2));

  /** Transactions whose end the test decides; hooks of writes outside one run at once. */
  static final class Transactions implements TransactionHooks {
    List<Hook> open;

    @Override
    public void afterTransaction(Hook hook) {
      if (open == null) {
        hook.ended(true);
      } else {
        open.add(hook);
      }
    }

    void begin() {
      open = new ArrayList<>();
    }

    List<Hook> end() {
      List<Hook> hooks = open;
      open = null;
      return hooks;
    }

    static void ran(List<Hook> hooks, boolean committed) {
      hooks.forEach(hook -> hook.ended(committed));
    }
  }

  User renamed(User user, String firstName) {
    return user.withProfile(
        ProfileUpdate.nothing().withFirstName(PersonName.ofNullable(firstName)), clock.instant());
  }

  @Test
  void servesRepeatedLookupsFromMemoryUntilTheTtlEnds() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    reads.set(0);

    cache.findByWorkosUserId(user.workosUserId());
    cache.findByWorkosUserId(user.workosUserId());
    assertThat(reads).hasValue(1);

    clock.advance(Duration.ofSeconds(3));
    cache.findByWorkosUserId(user.workosUserId());
    assertThat(reads).hasValue(2);
  }

  @Test
  void lookupsByIdAreServedFromTheSameMemoryAsLookupsByWorkosId() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    reads.set(0);

    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);
    assertThat(cache.findById(user.id())).contains(user);
    assertThat(reads).as("the lookup by id found the user remembered by WorkOS id").hasValue(1);

    clock.advance(Duration.ofSeconds(3));
    assertThat(cache.findById(user.id())).contains(user);
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);
    assertThat(reads).as("after the ttl, one read by id refreshes both").hasValue(2);
  }

  @Test
  void aUserIdIsNotServedTheUserThatNowHoldsItsWorkosId() {
    User old = aUser().withWorkosUserId("user_01REUSED").build();
    store.insertIfAbsent(old);
    cache.findById(old.id());
    cache.delete(old);
    User recreated = aUser().withWorkosUserId("user_01REUSED").build();
    store.insertIfAbsent(recreated);
    assertThat(cache.findByWorkosUserId(recreated.workosUserId())).contains(recreated);

    assertThat(cache.findById(old.id())).isEmpty();
    assertThat(cache.findById(recreated.id())).contains(recreated);
  }

  @Test
  void anOptimisticWriteThatLandedIsRememberedAndOneThatMissedIsForgotten() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    cache.findById(user.id());
    User edited = renamed(user, "Edited");

    assertThat(cache.updateIfUnchanged(user, edited)).isTrue();
    reads.set(0);
    assertThat(cache.findById(user.id())).contains(edited);
    assertThat(reads).hasValue(0);

    User elsewhere = renamed(edited, "Elsewhere");
    store.update(elsewhere); // another process
    assertThat(cache.updateIfUnchanged(edited, renamed(edited, "Mine"))).isFalse();
    reads.set(0);
    assertThat(cache.findById(user.id()))
        .as("a missed write means the memory is stale")
        .contains(elsewhere);
    assertThat(reads).hasValue(1);
  }

  @Test
  void aWriteThroughItIsSeenAtOnce() {
    User user = aUser().build();
    cache.insertIfAbsent(user);
    cache.findByWorkosUserId(user.workosUserId());

    User off = user.withActive(false, UserFixtures.T0.plusSeconds(1));
    cache.update(off);

    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(off);
    assertThat(cache.search(new UserSearch(null, null, null, null, 10))).containsExactly(off);
  }

  @Test
  void aCommittedWriteIsRememberedSoTheNextLookupReadsNothing() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    cache.findByWorkosUserId(user.workosUserId());

    transactions.begin();
    User edited = renamed(user, "Edited");
    cache.update(edited);
    List<TransactionHooks.Hook> hooks = transactions.end();
    reads.set(0);
    assertThat(cache.findByWorkosUserId(user.workosUserId()))
        .as("while the write is in flight, the last committed user")
        .contains(user);
    assertThat(reads).hasValue(0);

    Transactions.ran(hooks, true);
    reads.set(0);
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(edited);
    assertThat(reads).hasValue(0);
  }

  @Test
  void aRolledBackWriteIsNotRemembered() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    cache.findByWorkosUserId(user.workosUserId());

    transactions.begin();
    cache.update(renamed(user, "Never"));
    store.update(user); // the database rolls back
    Transactions.ran(transactions.end(), false);

    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);
  }

  @Test
  void aReadThatSawTheRowBeforeACommitDoesNotStoreItAfterTheCommit() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    User edited = renamed(user, "Edited");
    duringNextRead =
        () -> {
          transactions.begin();
          cache.update(edited);
          Transactions.ran(transactions.end(), true);
        };

    assertThat(cache.findByWorkosUserId(user.workosUserId()))
        .as("the read saw the old row")
        .contains(user);

    reads.set(0);
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(edited);
  }

  @Test
  void aReadDuringAnUncommittedWriteDoesNotStoreWhatItSaw() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    transactions.begin();
    User edited = renamed(user, "Edited");
    cache.update(edited);
    store.update(user); // not yet visible to others: the read sees the committed row
    List<TransactionHooks.Hook> hooks = transactions.end();

    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);
    store.update(edited);
    Transactions.ran(hooks, true);

    reads.set(0);
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(edited);
    assertThat(reads).hasValue(0);
  }

  @Test
  void twoCommitsOfOneUserRememberedOutOfOrderKeepTheLaterWrite() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    transactions.begin();
    User first = renamed(user, "First");
    cache.update(first);
    List<TransactionHooks.Hook> firstHooks = transactions.end();
    transactions.begin();
    User second = renamed(first, "Second");
    cache.update(second);
    List<TransactionHooks.Hook> secondHooks = transactions.end();

    Transactions.ran(secondHooks, true);
    Transactions.ran(firstHooks, true);

    reads.set(0);
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(second);
    assertThat(reads).hasValue(0);
  }

  @Test
  void unknownUsersAreNotRemembered() {
    User user = aUser().build();
    assertThat(cache.findByWorkosUserId(user.workosUserId())).isEmpty();
    store.insertIfAbsent(user);
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);
  }

  @Test
  void anotherProcessesChangeDropsTheUserAndAReadInFlightCannotStoreTheOldOne() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);
    int before = reads.get();
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);
    assertThat(reads.get()).as("served from memory").isEqualTo(before);
    String[] key = {user.workosUserId().value()};

    cache.changed(CachingUserRepository.USER, key);
    User off = user.withActive(false, user.updatedAt().plusSeconds(1));
    // a read that saw the old row, while another process commits and announces its change
    duringNextRead =
        () -> {
          store.update(off);
          cache.changed(CachingUserRepository.USER, key);
        };
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);

    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(off);
    assertThat(reads.get()).isEqualTo(before + 2);
  }

  @Test
  void missedChangesDropEveryUser() {
    User user = aUser().build();
    store.insertIfAbsent(user);
    cache.findByWorkosUserId(user.workosUserId());
    store.update(user.withActive(false, user.updatedAt().plusSeconds(1)));

    cache.missedSome();

    assertThat(cache.findByWorkosUserId(user.workosUserId()).get().active()).isFalse();
  }
}
