package com.datamingle.adapter.web.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Request counts and latency by route and status, plus what the composition root adds: the JVM and
 * process meters, libraries that publish their own (HikariCP's pool, through {@link #registry}),
 * and its gauges and counters (schema, JWKS). Closing it stops the JVM meters' listeners.
 */
public final class Metrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final java.util.List<DoubleSupplier> sources =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers =
      new java.util.concurrent.ConcurrentHashMap<>();
  private JvmGcMetrics gc;

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

  /**
   * Binds Micrometer's JVM meters (memory, GC, threads, class loading) and process meters (CPU,
   * open files, uptime).
   */
  public Metrics jvmAndProcess() {
    gc = new JvmGcMetrics();
    for (MeterBinder binder :
        java.util.List.of(
            new JvmMemoryMetrics(),
            gc,
            new JvmThreadMetrics(),
            new ClassLoaderMetrics(),
            new ProcessorMetrics(),
            new FileDescriptorMetrics(),
            new UptimeMetrics())) {
      binder.bindTo(registry);
    }
    return this;
  }

  /**
   * The registry, for a library that publishes its own meters into it: HikariCP's {@code
   * setMetricRegistry} takes it as an {@code Object}, so its caller needs no metrics library.
   */
  public Object registry() {
    return registry;
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

  @Override
  public void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
