package com.datamingle.application.service;

import com.datamingle.application.port.out.UnitOfWork;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes of different users that arrive together share one transaction and one commit (a group
 * commit above the database): a write that arrives while a transaction of its lane runs waits, and
 * the oldest waiting caller then runs everything that queued up meanwhile in the next one ({@link
 * KeyedCombiner} with a few fixed keys, the lanes, so that one transaction can commit while the
 * next one is built). Every caller returns only after the transaction holding its write has
 * committed, so an answer never runs ahead of its write.
 *
 * <p>Why: on PostgreSQL each transaction pays its own round trips and waits for its own WAL flush;
 * one transaction for many users' writes pays them once. If the shared transaction fails (a
 * deadlock, a constraint, a lost connection), every write of it runs again alone, so one bad write
 * never fails the others.
 *
 * @param <C> a write
 * @param <R> its outcome
 */
final class SharedTransactions<C, R> {

  /** Runs the writes of one batch inside the running transaction and settles every slot. */
  @FunctionalInterface
  interface Together<C, R> {
    void run(List<KeyedCombiner.Slot<C, R>> batch);
  }

  /** Runs one write alone inside its own transaction. */
  @FunctionalInterface
  interface Alone<C, R> {
    R run(C write);
  }

  /** Lanes: how many shared transactions may be in flight at once. */
  static final int LANES = 2;

  private final UnitOfWork unitOfWork;
  private final Function<C, Object> key;
  private final Together<C, R> together;
  private final Alone<C, R> alone;
  private final KeyedCombiner<Integer, C, R> lanes;

  /**
   * {@code key}: what must always share a lane (writes of one user), so that writes of the same key
   * never run in two transactions at once.
   */
  SharedTransactions(
      UnitOfWork unitOfWork,
      int maxBatch,
      Function<C, Object> key,
      Together<C, R> together,
      Alone<C, R> alone) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.key = Objects.requireNonNull(key, "key");
    this.together = Objects.requireNonNull(together, "together");
    this.alone = Objects.requireNonNull(alone, "alone");
    this.lanes = new KeyedCombiner<>(maxBatch, (lane, batch) -> run(batch));
  }

  /** Runs {@code write} in a shared transaction; returns after that transaction committed. */
  R submit(C write) {
    return lanes.submit(Math.floorMod(Objects.hashCode(key.apply(write)), LANES), write);
  }

  private void run(List<KeyedCombiner.Slot<C, R>> batch) {
    try {
      unitOfWork.inTransaction(
          () -> {
            together.run(batch);
            return null;
          });
      return;
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).fail(e);
        return;
      }
    }
    for (KeyedCombiner.Slot<C, R> slot : batch) {
      try {
        slot.succeed(unitOfWork.inTransaction(() -> alone.run(slot.request())));
      } catch (RuntimeException e) {
        slot.fail(e);
      }
    }
  }
}
