package com.datamingle.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class KeyedCombinerTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A runner that blocks its first batch of key "a" until released, and records every batch. */
  private static final class Recorder
      implements KeyedCombiner.BatchRunner<String, Integer, String> {
    final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void run(String key, List<KeyedCombiner.Slot<Integer, String>> batch) {
      if (calls.getAndIncrement() == 0) {
        firstStarted.countDown();
        await(releaseFirst);
      }
      batches.add(batch.stream().map(KeyedCombiner.Slot::request).toList());
      for (KeyedCombiner.Slot<Integer, String> slot : batch) {
        if (slot.request() < 0) {
          slot.fail(new IllegalArgumentException("negative " + slot.request()));
        } else {
          slot.succeed(key + slot.request());
        }
      }
    }
  }

  @Test
  void aLoneRequestRunsAsABatchOfOneOnTheCallersThread() {
    List<String> runnerThreads = new ArrayList<>();
    KeyedCombiner<String, Integer, String> combiner =
        new KeyedCombiner<>(
            8,
            (key, batch) -> {
              runnerThreads.add(Thread.currentThread().getName());
              batch.forEach(slot -> slot.succeed(key + slot.request()));
            });

    assertThat(combiner.submit("a", 1)).isEqualTo("a1");
    assertThat(runnerThreads).containsExactly(Thread.currentThread().getName());
    assertThat(combiner.activeKeys()).isZero();
  }

  @Test
  void requestsThatArriveDuringABatchRunTogetherAsTheNextBatchInArrivalOrder() throws Exception {
    Recorder recorder = new Recorder();
    KeyedCombiner<String, Integer, String> combiner = new KeyedCombiner<>(64, recorder);
    Future<String> first = threads.submit(() -> combiner.submit("a", 0));
    recorder.firstStarted.await();
    List<Future<String>> waiting = queueBehind(combiner, 1, 2, 3, 4, 5);

    recorder.releaseFirst.countDown();

    assertThat(first.get()).isEqualTo("a0");
    for (int i = 1; i <= 5; i++) {
      assertThat(waiting.get(i - 1).get()).isEqualTo("a" + i);
    }
    assertThat(recorder.batches).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5));
    assertThat(combiner.activeKeys()).isZero();
  }

  @Test
  void aBatchHoldsAtMostMaxBatchRequestsAndTheRestFollow() throws Exception {
    Recorder recorder = new Recorder();
    KeyedCombiner<String, Integer, String> combiner = new KeyedCombiner<>(2, recorder);
    Future<String> first = threads.submit(() -> combiner.submit("a", 0));
    recorder.firstStarted.await();
    List<Future<String>> waiting = queueBehind(combiner, 1, 2, 3, 4, 5);

    recorder.releaseFirst.countDown();

    first.get();
    for (Future<String> f : waiting) {
      f.get();
    }
    assertThat(recorder.batches)
        .containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5));
  }

  @Test
  void aRequestThatFailsOnItsOwnFailsAloneAndItsNeighboursSucceed() throws Exception {
    Recorder recorder = new Recorder();
    KeyedCombiner<String, Integer, String> combiner = new KeyedCombiner<>(64, recorder);
    Future<String> first = threads.submit(() -> combiner.submit("a", 0));
    recorder.firstStarted.await();
    List<Future<String>> waiting = queueBehind(combiner, 1, -1, 2);
    Future<String> before = waiting.get(0);
    Future<String> bad = waiting.get(1);
    Future<String> after = waiting.get(2);

    recorder.releaseFirst.countDown();

    assertThat(first.get()).isEqualTo("a0");
    assertThat(before.get()).isEqualTo("a1");
    assertThatThrownBy(bad::get)
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative -1");
    assertThat(after.get()).isEqualTo("a2");
    assertThat(recorder.batches).containsExactly(List.of(0), List.of(1, -1, 2));
  }

  @Test
  void whenTheRunnerThrowsEveryRequestOfThatBatchGetsTheFailureEvenOnesItHadSettled() {
    KeyedCombiner<String, Integer, String> combiner =
        new KeyedCombiner<>(
            64,
            (key, batch) -> {
              batch.forEach(slot -> slot.succeed("not committed"));
              throw new IllegalStateException("the commit failed");
            });

    assertThatThrownBy(() -> combiner.submit("a", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the commit failed");
    assertThat(combiner.activeKeys()).isZero();
  }

  @Test
  void aRequestTheRunnerForgotFailsInsteadOfReturningNothing() {
    KeyedCombiner<String, Integer, String> combiner = new KeyedCombiner<>(64, (key, batch) -> {});

    assertThatThrownBy(() -> combiner.submit("a", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without an outcome");
  }

  @Test
  void aFailedBatchDoesNotStopTheNextOneOfTheSameKey() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    KeyedCombiner<String, Integer, String> combiner =
        new KeyedCombiner<>(
            64,
            (key, batch) -> {
              if (calls.getAndIncrement() == 0) {
                started.countDown();
                await(release);
                throw new IllegalStateException("database gone");
              }
              batch.forEach(slot -> slot.succeed("ok" + slot.request()));
            });
    Future<String> failing = threads.submit(() -> combiner.submit("a", 0));
    started.await();
    Future<String> next = queueBehind(combiner, 1).get(0);

    release.countDown();

    assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(next.get()).isEqualTo("ok1");
  }

  @Test
  void differentKeysDoNotWaitForEachOther() throws Exception {
    Recorder recorder = new Recorder();
    KeyedCombiner<String, Integer, String> combiner = new KeyedCombiner<>(64, recorder);
    Future<String> blocked = threads.submit(() -> combiner.submit("a", 0));
    recorder.firstStarted.await();

    assertThat(threads.submit(() -> combiner.submit("b", 7)).get(10, TimeUnit.SECONDS))
        .isEqualTo("b7");
    assertThat(blocked).isNotDone();

    recorder.releaseFirst.countDown();
    assertThat(blocked.get()).isEqualTo("a0");
  }

  @Test
  void underContentionEveryRequestGetsExactlyItsOwnOutcomeAndBatchesOfAKeyNeverOverlap()
      throws Exception {
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    Map<String, Integer> totals = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    KeyedCombiner<String, Integer, String> combiner =
        new KeyedCombiner<>(
            16,
            (key, batch) -> {
              if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() != 1) {
                overlaps.incrementAndGet();
              }
              int total = totals.getOrDefault(key, 0);
              for (KeyedCombiner.Slot<Integer, String> slot : batch) {
                total += slot.request();
                slot.succeed(key + ":" + slot.request());
              }
              totals.put(key, total);
              Thread.yield();
              running.get(key).decrementAndGet();
            });
    int callers = 16;
    int perCaller = 500;
    List<Future<Integer>> results = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < callers; t++) {
      int caller = t;
      results.add(
          threads.submit(
              () -> {
                go.await();
                int wrong = 0;
                for (int i = 0; i < perCaller; i++) {
                  String key = "k" + (i % 3);
                  int request = caller * perCaller + i;
                  if (!combiner.submit(key, request).equals(key + ":" + request)) {
                    wrong++;
                  }
                }
                return wrong;
              }));
    }
    go.countDown();

    for (Future<Integer> r : results) {
      assertThat(r.get()).isZero();
    }
    assertThat(overlaps).hasValue(0);
    long expected = 0;
    for (int request = 0; request < callers * perCaller; request++) {
      expected += request;
    }
    assertThat(totals.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(expected);
    assertThat(combiner.activeKeys()).isZero();
  }

  /** Submits these requests of key "a" one after another, each once the one before is waiting. */
  private List<Future<String>> queueBehind(
      KeyedCombiner<String, Integer, String> combiner, int... requests)
      throws InterruptedException {
    List<Future<String>> waiting = new ArrayList<>();
    for (int request : requests) {
      waiting.add(threads.submit(() -> combiner.submit("a", request)));
      awaitWaiting(combiner, "a", waiting.size());
    }
    return waiting;
  }

  /** Waits until {@code count} requests of {@code key} wait behind the running batch. */
  private static void awaitWaiting(
      KeyedCombiner<String, Integer, String> combiner, String key, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (combiner.waiting(key) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "only " + combiner.waiting(key) + " of " + count + " requests are waiting");
      }
      Thread.sleep(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
