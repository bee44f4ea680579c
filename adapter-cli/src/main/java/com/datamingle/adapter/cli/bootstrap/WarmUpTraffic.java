package com.datamingle.adapter.cli.bootstrap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * The warm-up's requests, a mix shaped like real traffic: mostly {@code GET /api/me} of one known
 * user, then other users (first sign-ins, new sessions, known users), profile edits, health checks
 * and refusals without a token, over a few kept-alive loopback connections until the deadline.
 */
final class WarmUpTraffic {
  private static final String[] EDITS = {
    "{\"first_name\":\"Warm\",\"timezone\":\"Europe/Paris\"}",
    "{\"last_name\":\"Up\",\"language\":\"fr\"}",
    "{\"first_name\":\"Ready\",\"timezone\":\"UTC\",\"language\":\"en\"}"
  };

  private WarmUpTraffic() {}

  /**
   * How many requests were answered, how many of them (or of the signature checks) not as a working
   * server answers, and how many signature checks ran beside the requests ({@link
   * WarmUpSignatures}).
   */
  static final class Counts {
    final LongAdder answered = new LongAdder();
    final LongAdder unexpected = new LongAdder();
    final LongAdder signatures = new LongAdder();
  }

  /** Drives the server on {@code port} until the deadline, counting into {@code counts}. */
  static void drive(
      int port,
      List<String> tokens,
      int connections,
      long deadline,
      BooleanSupplier stop,
      Counts counts)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int offset = c;
        runs.add(
            pool.submit(
                () -> {
                  oneConnection(port, tokens, offset, deadline, stop, counts);
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IOException("a warm-up connection failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void oneConnection(
      int port, List<String> tokens, int offset, long deadline, BooleanSupplier stop, Counts counts)
      throws IOException {
    try (LoopbackHttp http = new LoopbackHttp(port)) {
      for (int i = offset; System.nanoTime() < deadline && !stop.getAsBoolean(); i++) {
        int kind = i % 50;
        String other = tokens.get(i % tokens.size());
        int status;
        int expected = 200;
        if (kind < 30) {
          status = http.send("GET", "/api/me", tokens.get(0), null);
        } else if (kind < 40) {
          status = http.send("GET", "/api/me", other, null);
        } else if (kind < 44) {
          status = http.send("PATCH", "/api/me", i % 8 == 0 ? tokens.get(0) : other, EDITS[i % 3]);
        } else if (kind < 47) {
          status = http.send("GET", "/health", null, null);
        } else {
          status = http.send("GET", "/api/me", null, null);
          expected = 401;
        }
        counts.answered.increment();
        if (status != expected) {
          counts.unexpected.increment();
        }
      }
    }
  }
}
