package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.application.port.out.WorkOsSyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The WorkOS sync lag on {@code /metrics}, read at most every {@link Refreshed#FRESH_FOR}. */
final class SyncLagGauge {
  private SyncLagGauge() {}

  /**
   * Seconds since the last WorkOS event was processed (by the webhook or the poller of {@code users
   * sync}); NaN while none is remembered. It grows while WorkOS sends nothing, so alert on it
   * together with the rate at which users change.
   */
  static void register(Metrics metrics, WorkOsSyncStore sync, Clock clock) {
    Refreshed<Optional<Instant>> last = new Refreshed<>(sync::lastEventReceivedAt, clock);
    metrics.gauge(
        "datamingle_workos_sync_lag_seconds",
        "Seconds since the last WorkOS event was processed (webhook or Events API); NaN before any",
        () ->
            last.get()
                .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN));
  }
}
