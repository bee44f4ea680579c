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
 * token is answered from a verifier's cache. The production verifier is not involved.
 */
final class WarmUpSignatures {
  private WarmUpSignatures() {}

  /**
   * Starts verifying on a daemon thread until the deadline or {@code stop}; counts each
   * verification into {@code checked}, and each that fails into {@code failed}.
   */
  static Thread start(
      JwksKeyStore keys,
      List<String> tokens,
      Clock clock,
      long deadline,
      BooleanSupplier stop,
      LongAdder checked,
      LongAdder failed) {
    Thread thread =
        new Thread(
            () -> {
              while (System.nanoTime() < deadline && !stop.getAsBoolean()) {
                TokenVerifier verifier =
                    new WorkOsTokenVerifier(keys, List.of(DevSigningKey.ISSUER), 30, clock);
                for (String token : tokens) {
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
}
