package com.datamingle.application.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs concurrent requests for the same key together (flat combining per key). A request that
 * arrives while a batch of its key runs waits; when that batch ends, the oldest waiting caller
 * becomes the leader and runs everything that queued up meanwhile as one batch, on its own thread.
 * Requests for different keys never wait for each other.
 *
 * <p>Why: read-modify-write requests for one row (one user's profile edits) otherwise queue on that
 * row's lock, each paying for its own transaction and commit. Combined, they share one read, one
 * write and one commit, and each caller still gets the outcome of its own request, in an order that
 * is the order the requests were taken in. A caller waits at most for the running batch and its
 * own; every leader runs exactly one batch.
 *
 * <p>The runner sets each slot's outcome. If the runner throws, every slot of the batch that it had
 * not failed on its own gets that exception: a result set before the failure (say, before a commit
 * that then failed) is not handed out.
 */
final class KeyedCombiner<K, C, R> {

  /** Runs one batch of requests for one key, in the order given, and settles each slot. */
  @FunctionalInterface
  interface BatchRunner<K, C, R> {
    void run(K key, List<Slot<C, R>> batch);
  }

  /** One caller's request in a batch, and its outcome. */
  static final class Slot<C, R> {
    private final C request;
    private final CompletableFuture<Boolean> turn = new CompletableFuture<>();
    private R result;
    private RuntimeException failure;
    private boolean settled;
    private boolean ownFailure;

    private Slot(C request) {
      this.request = request;
    }

    C request() {
      return request;
    }

    void succeed(R value) {
      result = value;
      failure = null;
      settled = true;
      ownFailure = false;
    }

    /** This request alone failed; the others of its batch go on. */
    void fail(RuntimeException e) {
      failure = Objects.requireNonNull(e, "failure");
      result = null;
      settled = true;
      ownFailure = true;
    }

    private void failWithBatch(RuntimeException e) {
      if (!ownFailure) {
        failure = e;
        result = null;
        settled = true;
      }
    }

    private R outcome() {
      if (failure != null) {
        throw failure;
      }
      return result;
    }
  }

  private static final class Lane<C, R> {
    final ArrayDeque<Slot<C, R>> waiting = new ArrayDeque<>();
    boolean busy;
    boolean retired;
  }

  private final int maxBatch;
  private final BatchRunner<K, C, R> runner;
  private final ConcurrentHashMap<K, Lane<C, R>> lanes = new ConcurrentHashMap<>();

  KeyedCombiner(int maxBatch, BatchRunner<K, C, R> runner) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * Runs {@code request} in a batch of its key and returns its own result, or throws its own
   * failure.
   */
  R submit(K key, C request) {
    Slot<C, R> slot = new Slot<>(request);
    Lane<C, R> lane;
    boolean lead;
    while (true) {
      lane = lanes.computeIfAbsent(key, k -> new Lane<>());
      synchronized (lane) {
        if (lane.retired) {
          continue;
        }
        lane.waiting.addLast(slot);
        lead = !lane.busy;
        lane.busy = true;
        break;
      }
    }
    if (!lead && !slot.turn.join()) {
      return slot.outcome();
    }
    runBatchFrom(key, lane, slot);
    return slot.outcome();
  }

  private void runBatchFrom(K key, Lane<C, R> lane, Slot<C, R> leader) {
    List<Slot<C, R>> batch = new ArrayList<>();
    synchronized (lane) {
      while (batch.size() < maxBatch && !lane.waiting.isEmpty()) {
        batch.add(lane.waiting.pollFirst());
      }
    }
    try {
      runner.run(key, List.copyOf(batch));
      for (Slot<C, R> slot : batch) {
        if (!slot.settled) {
          slot.failWithBatch(
              new IllegalStateException("the batch ended without an outcome for this request"));
        }
      }
    } catch (RuntimeException e) {
      batch.forEach(slot -> slot.failWithBatch(e));
    } catch (Error e) {
      IllegalStateException failure = new IllegalStateException("the batch failed: " + e, e);
      batch.forEach(slot -> slot.failWithBatch(failure));
      throw e;
    } finally {
      Slot<C, R> next;
      synchronized (lane) {
        next = lane.waiting.peekFirst();
        if (next == null) {
          lane.busy = false;
          lane.retired = true;
          lanes.remove(key, lane);
        }
      }
      for (Slot<C, R> slot : batch) {
        if (slot != leader) {
          slot.turn.complete(false);
        }
      }
      if (next != null) {
        next.turn.complete(true);
      }
    }
  }

  /** Keys with a batch running or requests waiting, for tests. */
  int activeKeys() {
    return lanes.size();
  }

  /** Requests of {@code key} not yet taken into a batch, for tests. */
  int waiting(K key) {
    Lane<C, R> lane = lanes.get(key);
    if (lane == null) {
      return 0;
    }
    synchronized (lane) {
      return lane.waiting.size();
    }
  }
}
