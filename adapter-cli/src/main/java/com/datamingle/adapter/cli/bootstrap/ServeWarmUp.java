package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebDependencies;
import com.datamingle.adapter.web.WebModule;
import com.datamingle.adapter.web.WebServer;
import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.auth.DevSigningKey;
import com.datamingle.adapter.web.auth.JwksKeyStore;
import com.datamingle.adapter.web.auth.WorkOsTokenVerifier;
import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.application.service.ApplicationServices;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve} warms its own hot paths before {@code /ready} answers 200: a JVM runs new code
 * interpreted, and compiles it only once it has run often, so a fresh instance would serve its
 * first real requests many times slower than later ones. For the budget ({@link WarmUpBudget}:
 * {@code serve} until hot, at most {@link WarmUpBudget#AUTO_CAP}; {@code serve --dev} not at all),
 * a second, private web server built by the same code ({@link WebModule}) on a loopback port takes
 * tens of thousands of requests of every hot kind over several connections ({@link WarmUpTraffic}):
 * token verification, first sign-ins and known users, profile edits (JSON both ways), health,
 * refusals, the access log and the metrics; beside them, a thread verifies the warm-up's tokens
 * over and over as first seen ({@link WarmUpSignatures}), the cost of each new token in real
 * traffic. {@code /health} answers meanwhile; {@code /ready} answers 503 {@code warming up}.
 *
 * <p>Safety: the private server trusts only a key made for this warm-up, kept in memory and thrown
 * away with the server (the production verifier is not touched); its users live in memory ({@link
 * WarmUpUsers}), so it writes no row; the SQL writes are warmed in transactions that are rolled
 * back ({@link WarmUpStatements}).
 */
public final class ServeWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(ServeWarmUp.class);
  private static final int CONNECTIONS = 6;
  private static final int USERS = 16;

  private final WarmUpBudget budget;
  private final CompletableFuture<WarmUpKey> prepared;
  private volatile boolean done;
  private volatile boolean stopped;
  private volatile BooleanSupplier serviceStopped = () -> false;
  private final WarmUpTraffic.Counts counts = new WarmUpTraffic.Counts();

  private ServeWarmUp(WarmUpBudget budget, CompletableFuture<WarmUpKey> prepared) {
    this.budget = budget;
    this.prepared = prepared;
    this.done = budget.off();
  }

  /**
   * Begins the warm-up at the start of {@code serve}: the throw-away key and its tokens are made on
   * another thread (the second core) while the service starts; {@link #start} runs the rest once
   * the service listens.
   */
  static ServeWarmUp begin(WarmUpBudget budget, Clock clock) {
    if (budget.off()) {
      return new ServeWarmUp(budget, CompletableFuture.completedFuture(null));
    }
    CompletableFuture<WarmUpKey> prepared = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                prepared.complete(WarmUpKey.make(USERS, budget.limit().plusMinutes(1), clock));
              } catch (IOException | RuntimeException e) {
                prepared.completeExceptionally(e);
              }
            },
            "datamingle-warm-up-keys");
    thread.setDaemon(true);
    thread.start();
    return new ServeWarmUp(budget, prepared);
  }

  /** {@code ready}, but 503 {@code warming up} until the warm-up has ended. */
  Readiness gate(Readiness ready) {
    return () -> done ? ready.check() : new Readiness.Status(false, "warming up");
  }

  boolean done() {
    return done;
  }

  /**
   * Starts the warm-up on its own thread; ends at once when the budget is zero, and early once
   * {@code serviceStopped} says the service is stopping.
   */
  void start(
      PersistenceModule persistence,
      WebSettings settings,
      Clock clock,
      BooleanSupplier serviceStopped) {
    if (done) {
      return;
    }
    this.serviceStopped = serviceStopped;
    Thread thread =
        new Thread(() -> runWithinBudget(persistence, settings, clock), "datamingle-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.NORM_PRIORITY - 1);
    thread.start();
  }

  /** Ends the warm-up early. */
  void stop() {
    stopped = true;
  }

  private boolean ending() {
    return stopped || serviceStopped.getAsBoolean();
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "datamingle-warm-up-sql");
    thread.setDaemon(true);
    thread.start();
  }

  private void runWithinBudget(PersistenceModule persistence, WebSettings settings, Clock clock) {
    long start = System.nanoTime();
    long deadline = start + budget.limit().toNanos();
    long statementsMs = -1;
    long keysMs = -1;
    CompletableFuture<Long> statements =
        CompletableFuture.supplyAsync(
            () -> {
              WarmUpStatements.run(persistence, clock, deadline);
              return (System.nanoTime() - start) / 1_000_000;
            },
            ServeWarmUp::daemon);
    try {
      WarmUpKey ready =
          prepared.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      keysMs = (System.nanoTime() - start) / 1_000_000;
      serveTraffic(persistence, settings, clock, ready.key(), ready.tokens(), deadline);
      statementsMs =
          statements.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (unexpected() > 0) {
        LOG.warn(
            "{} of the warm-up's {} requests and {} signature checks did not go as expected;"
                + " serving anyway",
            unexpected(),
            answered(),
            signaturesChecked());
      }
    } catch (TimeoutException e) {
      if (answered() == 0) {
        counts.stoppedBecause =
            (budget.untilHot() ? "reached its cap" : "reached its budget") + " before they began";
      }
      LOG.info("the warm-up did not finish a step within its budget; serving anyway");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.warn("warm-up ended early ({}); serving anyway", e.getCause().toString());
    } catch (IOException | RuntimeException e) {
      LOG.warn("warm-up ended early ({}); serving anyway", e.toString());
    } finally {
      prepared.thenAccept(WarmUpKey::delete); // now, or once it is made
      done = true;
      LOG.info(
          "warmed up in {} ms, budget {}: {} requests, {} signature checks; the requests stopped"
              + " as {}; SQL warmed by {} ms, key ready by {} ms; ready",
          (System.nanoTime() - start) / 1_000_000,
          budget,
          answered(),
          signaturesChecked(),
          counts.stoppedBecause,
          statementsMs,
          keysMs);
    }
  }

  /** Why the warm-up's requests stopped, for tests and the log. */
  String stoppedBecause() {
    return counts.stoppedBecause;
  }

  /** Requests the warm-up's server answered so far. */
  long answered() {
    return counts.answered.sum();
  }

  /**
   * Of those and of the signature checks, the ones not answered as a working server answers them
   * (for tests and the log).
   */
  long unexpected() {
    return counts.unexpected.sum();
  }

  /** Tokens the warm-up verified besides its requests, each by a verifier that had not seen it. */
  long signaturesChecked() {
    return counts.signatures.sum();
  }

  private void serveTraffic(
      PersistenceModule persistence,
      WebSettings settings,
      Clock clock,
      DevSigningKey key,
      List<String> tokens,
      long deadline)
      throws IOException {
    if (tokens.isEmpty()) {
      return;
    }
    JwksKeyStore keys =
        new JwksKeyStore(
            key.jwksUrl(), Duration.ofSeconds(2), Duration.ofDays(1), Duration.ofSeconds(1), clock);
    ApplicationServices services =
        ApplicationServices.create(
            new ApplicationServices.Ports(
                new WarmUpUsers(persistence.userRepository()),
                persistence.syncStore(),
                persistence.unitOfWork(),
                persistence.idGenerator(),
                persistence.tokenRevocations()),
            id -> Optional.empty(),
            (after, limit) -> List.of(),
            null,
            clock);
    try (Metrics metrics = new Metrics()) {
      WebDependencies deps =
          ApplicationWiring.webDependencies(
              services,
              new WorkOsTokenVerifier(keys, List.of(DevSigningKey.ISSUER), 30, clock),
              () -> new Readiness.Status(true, null),
              metrics);
      WebSettings web =
          new WebSettings(
              settings.corsAllowedOrigins(),
              settings.maxRequestBytes(),
              Duration.ofSeconds(1),
              null,
              null);
      try (WebServer server = WebModule.create(deps, web).start("127.0.0.1", 0)) {
        WarmUpSignatures.start(
            keys,
            tokens,
            clock,
            deadline,
            () -> done || ending(),
            counts.signatures,
            counts.unexpected,
            counts.answered);
        WarmUpTraffic.drive(
            server.port(), tokens, CONNECTIONS, budget, deadline, this::ending, counts);
        done = true; // ready now; the private server stops meanwhile
      }
    }
  }
}
