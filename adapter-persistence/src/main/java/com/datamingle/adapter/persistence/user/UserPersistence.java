package com.datamingle.adapter.persistence.user;

import com.datamingle.adapter.persistence.change.Changes;
import com.datamingle.adapter.persistence.tx.Sessions;
import com.datamingle.application.port.out.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.apache.ibatis.session.Configuration;

/** The users room's entry point for {@code PersistenceModule}: its mapper, and its repository. */
public final class UserPersistence {
  private UserPersistence() {}

  /** Registers the user mapper and the UUID type handler it needs. */
  public static void configure(Configuration configuration) {
    configuration.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
    configuration.addMapper(UserMapper.class);
  }

  /**
   * Registers the user mapper with its reads alone ({@code findById}, {@code findByWorkosUserId},
   * {@code findByEmail}, {@code search}), built in Java rather than parsed from UserMapper.xml, and
   * the UUID type handler: for a one-shot command that only reads, whose start-up the XML parsing
   * would dominate.
   */
  public static void configureReads(Configuration configuration) {
    configuration.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
    UserReadStatements.register(configuration);
  }

  /** The MyBatis repository alone, without a cache: for a one-shot command that only reads. */
  public static UserRepository uncached(Sessions sessions) {
    return new MyBatisUserRepository(sessions);
  }

  /**
   * The MyBatis repository behind a cache of users looked up by WorkOS id for {@code ttl}, which
   * announces its changes through {@code changes} and drops what other processes announce.
   */
  public static UserRepository repository(
      Sessions sessions, Clock clock, Duration ttl, Changes changes) {
    CachingUserRepository cache =
        new CachingUserRepository(
            new MyBatisUserRepository(sessions), sessions, clock, ttl, changes);
    changes.subscribe(cache);
    return cache;
  }
}
