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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of one JWKS URL, fetched whole with jwks-rsa and cached here. A cached key is
 * returned without touching the network (a stale set is refreshed in the background). An
 * unknown key id triggers at most one fetch per {@code minRefreshInterval}, however many bogus
 * ids arrive; an unknown id seen inside that window is answered "retry shortly" (503), never
 * refused for good, so a flood cannot starve a real key rotation the way a spent rate-limit
 * budget does: the rotated key is accepted as soon as the window ends. Only RSA signing keys
 * for RS256 are kept.
 */
public final class JwksKeyStore {
  private static final Logger LOG = LoggerFactory.getLogger(JwksKeyStore.class);
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

  private final UrlJwkProvider provider;
  private final String source;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration minRefreshInterval;
  private final ReentrantLock fetchLock = new ReentrantLock();
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "jwks-refresh");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final AtomicLong fetches = new AtomicLong();
  private final AtomicLong fetchFailures = new AtomicLong();
  private volatile Map<String, RSAPublicKey> keys = Map.of();
  private volatile Instant fetchedAt;
  private volatile Instant lastAttempt;
  private volatile boolean lastAttemptFailed;

  public JwksKeyStore(URL jwksUrl, Duration timeout, Duration maxAge, Duration minRefreshInterval, Clock clock) {
    int ms = (int) timeout.toMillis();
    this.provider = new UrlJwkProvider(jwksUrl, ms, ms);
    this.source = jwksUrl.getProtocol() + "://" + jwksUrl.getHost() + (jwksUrl.getPort() > 0 ? ":" + jwksUrl.getPort() : "") + jwksUrl.getPath();
    this.clock = clock;
    this.maxAge = maxAge;
    this.minRefreshInterval = minRefreshInterval;
  }

  /**
   * The key with this id, or null when the JWKS has none (a 401).
   *
   * @throws AuthUnavailable when the JWKS cannot be fetched and the key is not cached
   */
  public RSAPublicKey key(String kid) {
    if (kid == null || !KID.matcher(kid).matches()) {
      return null;
    }
    RSAPublicKey key = keys.get(kid);
    if (key != null) {
      if (isStale()) {
        refreshInBackground();
      }
      return key;
    }
    fetchLock.lock();
    try {
      key = keys.get(kid);
      if (key != null) {
        return key;
      }
      if (lastAttempt != null && clock.instant().isBefore(lastAttempt.plus(minRefreshInterval))) {
        // Fetched moments ago and the id was not there. It may be a key rotated in since: rather
        // than refuse it for good (401), ask the client to retry once the next fetch is allowed.
        throw new AuthUnavailable(lastAttemptFailed
            ? "the signing keys at " + source + " could not be fetched just now"
            : "key id not in the key set fetched moments ago; the set is fetched again within " + minRefreshInterval.toSeconds() + " s", null);
      }
      fetch();
      return keys.get(kid);
    } finally {
      fetchLock.unlock();
    }
  }

  private boolean isStale() {
    return fetchedAt == null || clock.instant().isAfter(fetchedAt.plus(maxAge));
  }

  private void refreshInBackground() {
    if (refreshing.compareAndSet(false, true)) {
      background.execute(() -> {
        fetchLock.lock();
        try {
          if (isStale()) {
            fetch();
          }
        } catch (AuthUnavailable e) {
          LOG.warn("JWKS refresh failed; still using the cached keys: {}", e.getMessage());
        } finally {
          fetchLock.unlock();
          refreshing.set(false);
        }
      });
    }
  }

  /** Caller holds the fetch lock. */
  private void fetch() {
    lastAttempt = clock.instant();
    fetches.incrementAndGet();
    List<Jwk> jwks;
    try {
      jwks = provider.getAll();
    } catch (Exception e) {
      lastAttemptFailed = true;
      fetchFailures.incrementAndGet();
      throw new AuthUnavailable("cannot fetch the signing keys from " + source + ": " + e.getMessage(), e);
    }
    Map<String, RSAPublicKey> fresh = new HashMap<>();
    for (Jwk jwk : jwks) {
      if (jwk.getId() == null || !"RSA".equals(jwk.getType())
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
    keys = Map.copyOf(fresh);
    fetchedAt = clock.instant();
    lastAttemptFailed = false;
  }

  /** How many times the JWKS was fetched, for metrics. */
  public long fetchCount() {
    return fetches.get();
  }

  public long fetchFailureCount() {
    return fetchFailures.get();
  }
}
