package com.datamingle.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task on many threads released at the same moment; returns what each run gave. */
public final class Race {
  private Race() {}

  /** One run of the task; {@code n} is the thread's number, from 0. */
  @FunctionalInterface
  public interface Task<T> {
    T run(int n) throws Exception;
  }

  public static <T> List<T> run(int threads, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.run(n);
                }));
      }
      start.countDown();
      List<T> values = new ArrayList<>();
      for (Future<T> f : results) {
        values.add(f.get());
      }
      return values;
    } finally {
      pool.shutdown();
    }
  }
}
