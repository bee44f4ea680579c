package com.datamingle.adapter.cli.bootstrap;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * The warm-up's requests, a mix shaped like real traffic: mostly {@code GET /api/me} of one known
 * user, then other users (first sign-ins, new sessions, known users), profile edits, health checks
 * and refusals without a token, over several kept-alive loopback connections at once, each request
 * built once and sent as bytes ({@link LoopbackHttp}). Runs until the budget's limit, or, for
 * {@code auto}, until hot ({@link WarmUpBudget.Window}).
 */
final class WarmUpTraffic {
  /** In each 100 requests: this many of the known user's {@code GET /api/me}, the rest mixed. */
  private static final int KNOWN_USER = 84;

  private static final String[] EDITS = {
    "{\"first_name\":\"Warm\",\"timezone\":\"Europe/Paris\"}",
    "{\"last_name\":\"Up\",\"language\":\"fr\"}",
    "{\"first_name\":\"Ready\",\"timezone\":\"UTC\",\"language\":\"en\"}"
  };

  private WarmUpTraffic() {}

  /**
   * How many requests were answered, how many of them (or of the signature checks) not as a working
   * server answers, how many signature checks ran beside the requests ({@link WarmUpSignatures}),
   * and why the requests stopped.
   */
  static final class Counts {
    final LongAdder answered = new LongAdder();
    final LongAdder unexpected = new LongAdder();
    final LongAdder signatures = new LongAdder();
    volatile String stoppedBecause = "not started";
  }

  /** One request and the status a working server answers it with. */
  private record Request(byte[] bytes, int expected) {}

  /**
   * Drives the server on {@code port} over {@code connections} connections until {@code deadline},
   * {@code stop}, or (when {@code budget} is {@code auto}) until hot, counting into {@code counts}.
   */
  static void drive(
      int port,
      List<String> tokens,
      int connections,
      WarmUpBudget budget,
      long deadline,
      BooleanSupplier stop,
      Counts counts)
      throws IOException {
    Request[] mix = mix(port, tokens);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    AtomicBoolean enough = new AtomicBoolean();
    BooleanSupplier over = () -> enough.get() || stop.getAsBoolean();
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int offset = c * 37;
        runs.add(
            pool.submit(
                () -> {
                  oneConnection(port, mix, offset, deadline, over, counts);
                  return null;
                }));
      }
      counts.stoppedBecause = watch(runs, budget, deadline, stop, counts);
      enough.set(true);
      for (Future<?> run : runs) {
        run.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IOException("a warm-up connection failed: " + e.getCause(), e.getCause());
    } finally {
      enough.set(true); // also when a connection failed: the others end too
      pool.shutdownNow();
    }
  }

  /** Waits window by window until a reason to stop; returns it. */
  private static String watch(
      List<Future<?>> runs, WarmUpBudget budget, long deadline, BooleanSupplier stop, Counts counts)
      throws InterruptedException, ExecutionException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
    long windowMillis = WarmUpBudget.WINDOW.toMillis();
    WarmUpBudget.Window window = new WarmUpBudget.Window();
    long answeredBefore = counts.answered.sum();
    long jitBefore = jitTimed ? jit.getTotalCompilationTime() : 0;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return budgetSpent(budget);
      }
      if (stop.getAsBoolean()) {
        return "the service is stopping";
      }
      try {
        runs.get(0).get(Math.min(left, windowMillis * 1_000_000), TimeUnit.NANOSECONDS);
        if (stop.getAsBoolean()) {
          return "the service is stopping";
        }
        return System.nanoTime() >= deadline ? budgetSpent(budget) : "a connection ended";
      } catch (TimeoutException e) {
        // a window has passed
      }
      if (budget.untilHot()) {
        long answered = counts.answered.sum();
        long jitNow = jitTimed ? jit.getTotalCompilationTime() : 0;
        if (window.hotAfter(answered - answeredBefore, jitNow - jitBefore, windowMillis)) {
          return "its throughput stopped rising at "
              + window.bestPerSecond(windowMillis)
              + " requests/s after "
              + window.windows()
              + " windows of "
              + windowMillis
              + " ms";
        }
        answeredBefore = answered;
        jitBefore = jitNow;
      }
    }
  }

  private static String budgetSpent(WarmUpBudget budget) {
    return budget.untilHot() ? "reached its cap" : "reached its budget";
  }

  /** 100 requests: the known user's GET /api/me most, and every other kind. */
  private static Request[] mix(int port, List<String> tokens) {
    Request[] mix = new Request[100];
    byte[] known = LoopbackHttp.request(port, "GET", "/api/me", tokens.get(0), null);
    for (int i = 0; i < mix.length; i++) {
      String other = tokens.get((1 + i % Math.max(1, tokens.size() - 1)) % tokens.size());
      if (i < KNOWN_USER) {
        mix[i] = new Request(known, 200);
      } else if (i < KNOWN_USER + 6) {
        mix[i] = new Request(LoopbackHttp.request(port, "GET", "/api/me", other, null), 200);
      } else if (i < KNOWN_USER + 10) {
        String who = i % 2 == 0 ? tokens.get(0) : other;
        mix[i] =
            new Request(LoopbackHttp.request(port, "PATCH", "/api/me", who, EDITS[i % 3]), 200);
      } else if (i < KNOWN_USER + 13) {
        mix[i] = new Request(LoopbackHttp.request(port, "GET", "/health", null, null), 200);
      } else {
        mix[i] = new Request(LoopbackHttp.request(port, "GET", "/api/me", null, null), 401);
      }
    }
    return mix;
  }

  private static void oneConnection(
      int port, Request[] mix, int offset, long deadline, BooleanSupplier stop, Counts counts)
      throws IOException {
    try (LoopbackHttp http = new LoopbackHttp(port)) {
      for (int i = offset; System.nanoTime() < deadline && !stop.getAsBoolean(); i++) {
        Request r = mix[i % mix.length];
        if (http.send(r.bytes()) != r.expected()) {
          counts.unexpected.increment();
        }
        counts.answered.increment();
      }
    }
  }
}
