package com.datamingle.application.testing;

import com.datamingle.application.port.out.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises work like a single-writer database and rolls the fakes back on a throw. Nested units
 * join the running one.
 */
public class InMemoryUnitOfWork implements UnitOfWork {
  private final List<Transactional> fakes;
  private final ReentrantLock lock = new ReentrantLock();

  /** A fake whose state a failed unit of work puts back. */
  public interface Transactional {
    Object snapshot();

    void restore(Object snapshot);
  }

  public InMemoryUnitOfWork(Transactional... fakes) {
    this.fakes = List.of(fakes);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (lock.isHeldByCurrentThread()) {
      return work.get();
    }
    lock.lock();
    List<Object> snapshots = new ArrayList<>();
    fakes.forEach(fake -> snapshots.add(fake.snapshot()));
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      for (int i = 0; i < fakes.size(); i++) {
        fakes.get(i).restore(snapshots.get(i));
      }
      throw e;
    } finally {
      lock.unlock();
    }
  }
}
