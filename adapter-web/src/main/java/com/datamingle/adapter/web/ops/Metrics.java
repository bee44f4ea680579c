package com.datamingle.adapter.web.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Request counts and latency by route and status, plus gauges and counters the composition root
 * adds (pool, JWKS).
 */
public final class Metrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final java.util.List<DoubleSupplier> sources =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers =
      new java.util.concurrent.ConcurrentHashMap<>();

  public void recordRequest(String method, String route, int status, Duration took) {
    timers
        .computeIfAbsent(method + ' ' + status + ' ' + route, key -> timer(method, route, status))
        .record(took);
  }

  private Timer timer(String method, String route, int status) {
    return Timer.builder("http_server_requests")
        .description("HTTP requests by method, route template and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  public Metrics gauge(String name, String description, DoubleSupplier value) {
    Gauge.builder(name, value::getAsDouble)
        .description(description)
        .strongReference(true)
        .register(registry);
    return this;
  }

  public Metrics counter(String name, String description, DoubleSupplier value) {
    sources.add(value); // Micrometer holds the counted object weakly
    FunctionCounter.builder(name, value, DoubleSupplier::getAsDouble)
        .description(description)
        .register(registry);
    return this;
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
