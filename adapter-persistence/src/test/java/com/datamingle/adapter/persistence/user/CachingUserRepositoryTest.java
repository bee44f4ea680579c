package com.datamingle.adapter.persistence.user;

import static com.datamingle.domain.user.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.application.port.out.UserSearch;
import com.datamingle.application.testing.InMemoryUserRepository;
import com.datamingle.application.testing.MutableClock;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserFixtures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingUserRepositoryTest {
  final AtomicInteger reads = new AtomicInteger();
  final InMemoryUserRepository store = new InMemoryUserRepository() {
    @Override
    public synchronized java.util.Optional<User> findByWorkosUserId(com.datamingle.domain.user.WorkOsUserId id) {
      reads.incrementAndGet();
      return super.findByWorkosUserId(id);
    }
  };
  final MutableClock clock = new MutableClock(UserFixtures.T0);
  final CachingUserRepository cache = new CachingUserRepository(store, clock, Duration.ofSeconds(2));

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
  void unknownUsersAreNotRemembered() {
    User user = aUser().build();
    assertThat(cache.findByWorkosUserId(user.workosUserId())).isEmpty();
    store.insertIfAbsent(user);
    assertThat(cache.findByWorkosUserId(user.workosUserId())).contains(user);
  }
}
