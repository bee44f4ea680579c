package com.datamingle.adapter.web.auth;

import com.auth0.jwk.Jwk;
import com.auth0.jwk.UrlJwkProvider;
import java.net.URL;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of one JWKS URL, fetched whole with jwks-rsa and cached here. Only RSA signing
 * keys for RS256 are kept.
 *
 * <p>A cached key is returned without touching the network (a set older than {@code maxAge} is
 * refreshed in the background). A key id that is not cached is judged against a fetch that
 * <em>started after the request arrived</em>, so a 401 always means "not in the key set as it is
 * now", and a key WorkOS has just rotated in is accepted on its first token:
 *
 * <ul>
 *   <li>fetches start at most once per {@code minRefreshInterval} (measured on the monotonic
 *       clock), however many unknown ids arrive; a request that comes inside the interval waits for
 *       the next fetch (at most the interval plus the fetch timeout);
 *   <li>concurrent requests share one fetch (single flight): a flood of made-up ids costs WorkOS
 *       one fetch per interval;
 *   <li>an id already missing from the current set is refused at once, without waiting again;
 *   <li>at most {@value #MAX_WAITING} requests wait at a time; beyond that, an unknown id is
 *       refused from the set in hand (so a flood cannot hold the server's threads);
 *   <li>503 ({@link AuthUnavailable}) only when the fetch meant to judge the id failed, or when no
 *       fetch has ever succeeded, and the id is not cached.
 * </ul>
 */
public final class JwksKeyStore {
  private static final Logger LOG = LoggerFactory.getLogger(JwksKeyStore.class);
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

  /** Requests that may wait at once for the next fetch. */
  static final int MAX_WAITING = 64;

  /** Key ids remembered as missing from the current set (forgotten at each successful fetch). */
  private static final int MAX_ABSENT = 10_000;

  private final UrlJwkProvider provider;
  private final String source;
  private final Clock clock;
  private final Duration maxAge;
  private final long minRefreshNanos;
  private final long fetchWaitNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition fetchEnded = lock.newCondition();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "jwks-refresh");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean refreshQueued = new AtomicBoolean();
  private final AtomicLong fetches = new AtomicLong();
  private final AtomicLong fetchFailures = new AtomicLong();
  private volatile Map<String, RSAPublicKey> keys = Map.of();
  private volatile Instant fetchedAt;
  // guarded by lock
  private long started;
  private long ended;
  private boolean fetching;
  private long lastStartNanos;
  private boolean lastFailed;
  private String lastFailure;
  private int waiting;
  private final Set<String> absent = new HashSet<>();

  public JwksKeyStore(
      URL jwksUrl, Duration timeout, Duration maxAge, Duration minRefreshInterval, Clock clock) {
    int ms = (int) timeout.toMillis();
    this.provider = new UrlJwkProvider(jwksUrl, ms, ms);
    this.source =
        jwksUrl.getProtocol()
            + "://"
            + jwksUrl.getHost()
            + (jwksUrl.getPort() > 0 ? ":" + jwksUrl.getPort() : "")
            + jwksUrl.getPath();
    this.clock = clock;
    this.maxAge = maxAge;
    this.minRefreshNanos = minRefreshInterval.toNanos();
    this.fetchWaitNanos = timeout.toNanos() * 2 + TimeUnit.SECONDS.toNanos(1);
  }

  /**
   * The key with this id, or null when the key set as it is now has none (a 401).
   *
   * @throws AuthUnavailable when the JWKS cannot be fetched and the key is not cached
   */
  public RSAPublicKey key(String kid) {
    if (kid == null || !KID.matcher(kid).matches()) {
      return null;
    }
    RSAPublicKey key = keys.get(kid);
    if (key != null) {
      refreshIfStale();
      return key;
    }
    lock.lock();
    try {
      key = keys.get(kid);
      if (key != null || absent.contains(kid)) {
        return key;
      }
      if (waiting >= MAX_WAITING) {
        if (fetchedAt == null || lastFailed) {
          throw unavailable();
        }
        return null;
      }
      waiting++;
      try {
        return awaitFetchAfter(started, kid);
      } finally {
        waiting--;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Caller holds the lock. Waits for (or runs) a fetch that starts after {@code arrival} fetches
   * had started.
   */
  private RSAPublicKey awaitFetchAfter(long arrival, String kid) {
    while (ended <= arrival) {
      long sinceLast = System.nanoTime() - lastStartNanos;
      if (!fetching && (started == 0 || sinceLast >= minRefreshNanos)) {
        fetchAsLeader();
        continue;
      }
      try {
        fetchEnded.awaitNanos(fetching ? fetchWaitNanos : minRefreshNanos - sinceLast);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AuthUnavailable("interrupted while waiting for the signing keys", e);
      }
    }
    RSAPublicKey key = keys.get(kid);
    if (key != null) {
      return key;
    }
    if (lastFailed) {
      throw unavailable();
    }
    if (absent.size() < MAX_ABSENT) {
      absent.add(kid);
    }
    return null;
  }

  /**
   * Caller holds the lock; releases it while the fetch runs, and wakes every waiter when it ends.
   */
  private void fetchAsLeader() {
    fetching = true;
    started++;
    lastStartNanos = System.nanoTime();
    Map<String, RSAPublicKey> fresh = null;
    String failure = null;
    lock.unlock();
    try {
      fresh = fetch();
    } catch (RuntimeException e) {
      failure = e.getMessage();
    } finally {
      lock.lock();
      if (fresh != null) {
        keys = fresh;
        fetchedAt = clock.instant();
        absent.clear();
        lastFailed = false;
      } else {
        lastFailed = true;
        lastFailure = failure;
      }
      fetching = false;
      ended++;
      fetchEnded.signalAll();
    }
  }

  private AuthUnavailable unavailable() {
    return new AuthUnavailable(
        lastFailed
            ? "cannot fetch the signing keys from " + source + ": " + lastFailure
            : "the signing keys at " + source + " have not been fetched yet",
        null);
  }

  private void refreshIfStale() {
    Instant at = fetchedAt;
    if (at != null && !clock.instant().isAfter(at.plus(maxAge))) {
      return;
    }
    if (refreshQueued.compareAndSet(false, true)) {
      background.execute(
          () -> {
            lock.lock();
            try {
              Instant now = fetchedAt;
              boolean stale = now == null || clock.instant().isAfter(now.plus(maxAge));
              if (stale && !fetching && System.nanoTime() - lastStartNanos >= minRefreshNanos) {
                fetchAsLeader();
                if (lastFailed) {
                  LOG.warn("JWKS refresh failed; still using the cached keys: {}", lastFailure);
                }
              }
            } finally {
              lock.unlock();
              refreshQueued.set(false);
            }
          });
    }
  }

  /** One request for the whole set; never called with the lock held. */
  private Map<String, RSAPublicKey> fetch() {
    fetches.incrementAndGet();
    List<Jwk> jwks;
    try {
      jwks = provider.getAll();
    } catch (Exception e) {
      fetchFailures.incrementAndGet();
      throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    Map<String, RSAPublicKey> fresh = new HashMap<>();
    for (Jwk jwk : jwks) {
      if (jwk.getId() == null
          || !"RSA".equals(jwk.getType())
          || jwk.getAlgorithm() != null && !"RS256".equals(jwk.getAlgorithm())
          || jwk.getUsage() != null && !"sig".equals(jwk.getUsage())) {
        continue;
      }
      try {
        PublicKey key = jwk.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
          fresh.put(jwk.getId(), rsa);
        }
      } catch (Exception e) {
        LOG.warn("ignoring an unusable key {} in the JWKS at {}", jwk.getId(), source);
      }
    }
    return Map.copyOf(fresh);
  }

  /** How many times the JWKS was fetched, for metrics. */
  public long fetchCount() {
    return fetches.get();
  }

  public long fetchFailureCount() {
    return fetchFailures.get();
  }
}
