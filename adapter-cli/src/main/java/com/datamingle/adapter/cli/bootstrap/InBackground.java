package com.datamingle.adapter.cli.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Start-up work done on another core while the main thread goes on (serve opens the pool and
 * MyBatis's mappers while it sets up the keys). Its failure is thrown only where its result is
 * taken, as it was, so the messages of start-up keep their order.
 */
final class InBackground<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private InBackground(String name, Supplier<T> work) {
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(work.get());
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  static <T> InBackground<T> start(String name, Supplier<T> work) {
    return new InBackground<>(name, work);
  }

  /** The result, or the work's own exception. */
  T join() {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Not needed after all: {@code close} gets the result once it is there. */
  void discard(Consumer<T> close) {
    result.thenAccept(close);
  }
}
