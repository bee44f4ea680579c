package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.domain.PlainText;
import java.time.Duration;

/**
 * How long {@code serve} warms up before {@code /ready} answers 200 ({@link ServeWarmUp}): not at
 * all, a fixed time, or {@code auto}: until the warm-up's own throughput stops rising, for at most
 * {@link #AUTO_CAP}.
 *
 * @param limit the longest the warm-up may take; zero: no warm-up
 * @param untilHot whether it ends earlier, once it is hot ({@link Window})
 */
public record WarmUpBudget(Duration limit, boolean untilHot) {
  static final String VARIABLE = "DATAMINGLE_WARMUP";

  /**
   * {@code auto}'s cap: the old warm-up's 10 s brought the first seconds after {@code /ready} to a
   * quarter of the warm throughput where 2 s gave a sixth (BENCHMARKS.md); a rolling deploy (and a
   * test that waits for {@code /ready}) should not wait much longer.
   */
  public static final Duration AUTO_CAP = Duration.ofSeconds(8);

  /** No warm-up: {@code /ready} answers as soon as the service is up. */
  public static final WarmUpBudget OFF = new WarmUpBudget(Duration.ZERO, false);

  /** Until hot, at most {@link #AUTO_CAP}. */
  public static final WarmUpBudget AUTO = new WarmUpBudget(AUTO_CAP, true);

  /** The length of one measuring window of {@code auto}. */
  static final Duration WINDOW = Duration.ofMillis(500);

  public WarmUpBudget {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("a warm-up budget is not negative: " + limit);
    }
  }

  /** Warms up for {@code limit} (zero: not at all). */
  public static WarmUpBudget fixed(Duration limit) {
    return new WarmUpBudget(limit, false);
  }

  boolean off() {
    return limit.isZero();
  }

  /**
   * {@value #VARIABLE} or {@code --warmup} ({@code source} names which): {@code auto}, {@code off}
   * or {@code 0}, or a budget such as {@code 2s}, {@code 500ms}. Unset, {@code serve --dev} does
   * not warm up (a developer's server is ready at once) and {@code serve} warms up until hot; a
   * value given always wins.
   */
  public static WarmUpBudget parse(String value, String source, boolean dev) {
    if (value == null || value.isBlank()) {
      return dev ? OFF : AUTO;
    }
    String v = value.strip();
    if (v.equals("auto")) {
      return AUTO;
    }
    if (v.equals("off") || v.equals("0")) {
      return OFF;
    }
    try {
      Duration d =
          v.endsWith("ms")
              ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
              : v.endsWith("s")
                  ? Duration.ofMillis(
                      Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000))
                  : null;
      if (d != null && !d.isNegative() && d.compareTo(Duration.ofMinutes(5)) <= 0) {
        return fixed(d);
      }
    } catch (NumberFormatException e) {
      // said below
    }
    // a value with control characters is not echoed: it could move the cursor or end the line
    String shown = PlainText.flaw(value) == null ? "'" + value + "'" : "not plain text";
    throw new Settings.InvalidSettings(
        source
            + " is "
            + shown
            + "; give auto (warm up until hot, at most "
            + AUTO_CAP.toSeconds()
            + " s), how long serve may warm up before it reports ready, such as 2s or 500ms"
            + " (at most 5 minutes), or off");
  }

  @Override
  public String toString() {
    if (off()) {
      return "off";
    }
    return untilHot ? "auto (at most " + limit.toMillis() + " ms)" : limit.toMillis() + " ms";
  }

  /**
   * The decision of {@code auto}, fed one measuring window at a time: hot once the requests per
   * window have not risen by more than {@link #RISE} over the best window before for {@link
   * #FLAT_WINDOWS} windows in a row, while the JIT compiled for less than {@link #QUIET_JIT} of
   * each of them, and not before {@link #MIN_ANSWERED} requests (the JIT compiles a method only
   * after thousands of calls). The cap is the caller's: {@link #limit}.
   */
  static final class Window {
    static final double RISE = 1.05;
    static final int FLAT_WINDOWS = 3;
    static final double QUIET_JIT = 0.10;
    static final long MIN_ANSWERED = 20_000;

    private long best;
    private int flat;
    private long total;
    private int windows;

    /**
     * One more window: {@code answered} requests in it, and {@code jitMillis} of the JIT's
     * compilation time within its {@code windowMillis}; returns whether the warm-up is hot now.
     */
    boolean hotAfter(long answered, long jitMillis, long windowMillis) {
      windows++;
      total += answered;
      boolean rose = answered > best * RISE;
      best = Math.max(best, answered);
      boolean quiet = jitMillis < windowMillis * QUIET_JIT;
      flat = rose || !quiet ? 0 : flat + 1;
      return flat >= FLAT_WINDOWS && total >= MIN_ANSWERED;
    }

    /** The best window's requests per second. */
    long bestPerSecond(long windowMillis) {
      return windowMillis <= 0 ? 0 : best * 1000 / windowMillis;
    }

    int windows() {
      return windows;
    }
  }
}
