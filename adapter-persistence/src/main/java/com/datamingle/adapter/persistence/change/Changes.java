package com.datamingle.adapter.persistence.change;

import com.datamingle.adapter.persistence.tx.Sessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces every change a cache depends on to the other processes of the service, and hands what
 * they announce to this process's caches. A change is announced inside the transaction that makes
 * it, so it is delivered only once committed: on PostgreSQL with {@code NOTIFY} on a channel of the
 * schema, on SQLite as a row of {@code cache_changes}. Each process tags its announcements with its
 * own origin and ignores them when they come back.
 *
 * <p>A message is {@code KIND ARG...}, separated by single spaces (ids hold none).
 */
public final class Changes {
  private static final Logger LOG = LoggerFactory.getLogger(Changes.class);

  /** How long a cache may serve what it holds while changes of others may go unheard. */
  public static final Duration DEGRADED_TTL = Duration.ofMillis(250);

  /**
   * How long a cache may serve what it holds while every change of another process is heard: only
   * writes made outside the service (SQL by hand, a restore) wait for it.
   */
  public static final Duration LIVE_TTL = Duration.ofSeconds(30);

  /** Whether this process hears the changes of others. */
  public enum State {
    /** Not listening (an operator's command): caches keep their normal lifetime. */
    OFF,
    /** Listening: every committed change of another process arrives within milliseconds. */
    LIVE,
    /** The listener lost its connection and reconnects: caches serve for DEGRADED_TTL at most. */
    DEGRADED
  }

  /** What a cache does with the changes of other processes. */
  public interface Handler {
    void changed(String kind, String[] args);

    /** Changes may have been missed (a reconnect): drop or reload everything. */
    void missedSome();
  }

  private final Sessions sessions;
  private final boolean postgres;
  private final Clock clock;
  private final String origin = UUID.randomUUID().toString().substring(0, 13).replace("-", "");
  private final List<Handler> handlers = new CopyOnWriteArrayList<>();
  private volatile State state = State.OFF;
  private volatile String channel;

  public Changes(Sessions sessions, boolean postgres, Clock clock) {
    this.sessions = sessions;
    this.postgres = postgres;
    this.clock = clock;
  }

  public void subscribe(Handler handler) {
    handlers.add(handler);
  }

  /** Announces {@code kind args...} in the running transaction (or at once, outside one). */
  public void announce(String kind, String... args) {
    String payload = origin + " " + kind + (args.length == 0 ? "" : " " + String.join(" ", args));
    if (postgres) {
      String name = channel();
      sessions.withMapper(ChangeMapper.class, m -> m.notifyChange(name, payload));
    } else {
      sessions.withMapper(ChangeMapper.class, m -> m.insertChange(payload, clock.instant()));
    }
  }

  /**
   * Announces {@code kind arg} once for each of {@code args}, as {@link #announce} would one by
   * one; on PostgreSQL in one statement.
   */
  public void announceEach(String kind, List<String> args) {
    List<String> payloads = new ArrayList<>(args.size());
    for (String arg : args) {
      payloads.add(origin + " " + kind + " " + arg);
    }
    if (postgres) {
      String name = channel();
      sessions.withMapper(
          ChangeMapper.class, m -> m.notifyChanges(name, payloads.toArray(String[]::new)));
    } else {
      Instant now = clock.instant();
      for (String payload : payloads) {
        sessions.withMapper(ChangeMapper.class, m -> m.insertChange(payload, now));
      }
    }
  }

  /**
   * The lifetime a cache entry gets now: {@code normal} when not listening, LIVE_TTL (or {@code
   * normal} if longer) while listening, at most DEGRADED_TTL while the listener reconnects.
   */
  public Duration ttl(Duration normal) {
    return switch (state) {
      case OFF -> normal;
      case LIVE -> normal.compareTo(LIVE_TTL) > 0 ? normal : LIVE_TTL;
      case DEGRADED -> normal.compareTo(DEGRADED_TTL) > 0 ? DEGRADED_TTL : normal;
    };
  }

  public State state() {
    return state;
  }

  void state(State state) {
    this.state = state;
  }

  /** An announcement heard from the database: handed to every handler unless it is our own. */
  void receive(String payload) {
    String[] parts = payload.split(" ");
    if (parts.length < 2 || parts[0].equals(origin)) {
      return;
    }
    String[] args = java.util.Arrays.copyOfRange(parts, 2, parts.length);
    for (Handler handler : handlers) {
      try {
        handler.changed(parts[1], args);
      } catch (RuntimeException e) {
        LOG.warn("could not apply the change '{}' of another process: {}", payload, e.toString());
      }
    }
  }

  void missedSome() {
    for (Handler handler : handlers) {
      try {
        handler.missedSome();
      } catch (RuntimeException e) {
        LOG.warn("could not reload after missed changes: {}", e.toString());
      }
    }
  }

  Sessions sessions() {
    return sessions;
  }

  /**
   * The PostgreSQL channel of this schema: the service's processes on one schema share it, and
   * nothing of another schema (another deployment, a test) is heard.
   */
  String channel() {
    String name = channel;
    if (name == null) {
      String schema = sessions.withMapper(ChangeMapper.class, ChangeMapper::currentSchema);
      name = channelOf(schema == null ? "" : schema);
      channel = name;
    }
    return name;
  }

  static String channelOf(String schema) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
      return "datamingle_changes_" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
