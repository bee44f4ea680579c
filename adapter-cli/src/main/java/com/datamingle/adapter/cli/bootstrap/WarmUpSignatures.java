package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.web.auth.DevSigningKey;
import com.datamingle.adapter.web.auth.JwksKeyStore;
import com.datamingle.adapter.web.auth.TokenVerifier;
import com.datamingle.adapter.web.auth.WorkOsTokenVerifier;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * The warm-up of the signature check: a token seen for the first time pays an RS256 verification
 * (its {@code BigInteger} arithmetic, the JSON of its header and claims), which the warm-up's
 * requests alone reach only a few dozen times, far below what the JIT needs to compile it. On a
 * thread of its own, beside the requests, this verifies the warm-up's own tokens (signed by its
 * throw-away key) over and over, with a new {@link WorkOsTokenVerifier} for each pass so that no
 * token is answered from a verifier's cache, at a fair share beside the requests ({@link
 * #fairShare}). The production verifier is not involved.
 */
final class WarmUpSignatures {
  /** Checks made before the requests set the pace. */
  static final long FIRST = 500;

  /** Then one check per this many requests answered. */
  static final long REQUESTS_PER_CHECK = 6;

  private WarmUpSignatures() {}

  /**
   * Starts verifying on a daemon thread until the deadline or {@code stop}, keeping pace with
   * {@code answered}; counts each verification into {@code checked}, and each that fails into
   * {@code failed}.
   */
  static Thread start(
      JwksKeyStore keys,
      List<String> tokens,
      Clock clock,
      long deadline,
      BooleanSupplier stop,
      LongAdder checked,
      LongAdder failed,
      LongAdder answered) {
    Thread thread =
        new Thread(
            () -> {
              while (System.nanoTime() < deadline && !stop.getAsBoolean()) {
                TokenVerifier verifier =
                    new WorkOsTokenVerifier(keys, List.of(DevSigningKey.ISSUER), 30, clock);
                for (String token : tokens) {
                  if (!fairShare(checked, answered, deadline, stop)) {
                    return;
                  }
                  try {
                    verifier.verify(token);
                  } catch (RuntimeException e) {
                    failed.increment();
                  }
                  checked.increment();
                }
              }
            },
            "datamingle-warm-up-signatures");
    thread.setDaemon(true);
    thread.setPriority(Thread.NORM_PRIORITY - 1);
    thread.start();
    return thread;
  }

  /**
   * Waits while this thread is ahead of its share ({@link #FIRST} checks, then one per {@link
   * #REQUESTS_PER_CHECK} requests answered): each check costs far more CPU than a request, and on
   * two cores the requests would otherwise starve. False once the warm-up ends meanwhile.
   */
  private static boolean fairShare(
      LongAdder checked, LongAdder answered, long deadline, BooleanSupplier stop) {
    while (checked.sum() >= FIRST + answered.sum() / REQUESTS_PER_CHECK) {
      if (System.nanoTime() >= deadline || stop.getAsBoolean()) {
        return false;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
