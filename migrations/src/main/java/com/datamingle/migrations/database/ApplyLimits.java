package com.datamingle.migrations.database;

import java.time.Duration;

/**
 * How long one migration on PostgreSQL may wait for a lock and run, and how often it is tried again
 * when it gave up waiting for a lock. A migration's {@code ALTER TABLE} waiting behind a long
 * transaction makes every later reader of that table queue behind it; {@code lock_timeout} bounds
 * that wait, and the migration is retried after a pause that doubles each time.
 *
 * @param lockTimeout PostgreSQL {@code lock_timeout} of each migration; zero waits forever
 * @param statementTimeout PostgreSQL {@code statement_timeout}; zero (the default) means none
 * @param retries how many times a migration that gave up on a lock is tried again
 * @param backoff the pause before the first retry; it doubles for each further one
 */
public record ApplyLimits(
    Duration lockTimeout, Duration statementTimeout, int retries, Duration backoff) {
  public static final ApplyLimits DEFAULT =
      new ApplyLimits(Duration.ofSeconds(5), Duration.ZERO, 3, Duration.ofSeconds(1));

  public ApplyLimits {
    if (lockTimeout.isNegative() || statementTimeout.isNegative() || backoff.isNegative()) {
      throw new IllegalArgumentException("timeouts and pauses cannot be negative");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries cannot be negative");
    }
  }

  public ApplyLimits withLockTimeout(Duration timeout) {
    return new ApplyLimits(timeout, statementTimeout, retries, backoff);
  }

  public ApplyLimits withStatementTimeout(Duration timeout) {
    return new ApplyLimits(lockTimeout, timeout, retries, backoff);
  }

  public ApplyLimits withRetries(int count) {
    return new ApplyLimits(lockTimeout, statementTimeout, count, backoff);
  }

  public ApplyLimits withBackoff(Duration pause) {
    return new ApplyLimits(lockTimeout, statementTimeout, retries, pause);
  }

  /** The pause before retry number {@code retry} (1 for the first): backoff, doubled each time. */
  public Duration pauseBefore(int retry) {
    return backoff.multipliedBy(1L << Math.min(retry - 1, 10));
  }

  /** A duration as PostgreSQL reads it in a setting: whole milliseconds, {@code 0} for none. */
  public static String setting(Duration duration) {
    return duration.toMillis() + "ms";
  }

  /**
   * Reads a duration as an operator writes it: {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h},
   * or a number of seconds; {@code 0} turns the limit off. Null when the text is not one.
   */
  public static Duration parse(String text) {
    var m =
        java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h)?")
            .matcher(text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "min" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
