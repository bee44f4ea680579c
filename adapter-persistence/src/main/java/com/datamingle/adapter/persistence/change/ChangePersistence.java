package com.datamingle.adapter.persistence.change;

import java.time.Duration;
import java.time.Instant;
import org.apache.ibatis.session.Configuration;

/** The changes room's entry point for {@code PersistenceModule}: its mapper and its upkeep. */
public final class ChangePersistence {
  /** How long a row of {@code cache_changes} is kept for a poller that is behind. */
  static final Duration KEEP_CHANGES = Duration.ofMinutes(1);

  private ChangePersistence() {}

  public static void configure(Configuration configuration) {
    configuration.addMapper(ChangeMapper.class);
  }

  /** SQLite: removes the announcements older than a minute (the newest always stays). */
  public static void pruneChanges(Changes changes, Instant now) {
    Instant before = now.minus(KEEP_CHANGES);
    changes.sessions().withMapper(ChangeMapper.class, m -> m.pruneChanges(before));
  }
}
