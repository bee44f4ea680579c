package com.datamingle.adapter.cli.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database at most every {@link #FRESH_FOR}, for gauges on {@code /metrics},
 * so that scrapes do not query the database each time.
 */
final class Refreshed<T> {
  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final Supplier<T> read;
  private final Clock clock;
  private T value;
  private Instant readAt;

  Refreshed(Supplier<T> read, Clock clock) {
    this.read = read;
    this.clock = clock;
  }

  synchronized T get() {
    Instant now = clock.instant();
    if (readAt == null || !now.isBefore(readAt.plus(FRESH_FOR))) {
      value = read.get();
      readAt = now;
    }
    return value;
  }
}
