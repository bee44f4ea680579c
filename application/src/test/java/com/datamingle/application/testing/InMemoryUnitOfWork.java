package com.datamingle.application.testing;

import com.datamingle.application.port.out.UnitOfWork;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Serialises work like a single-writer database and rolls the fake repository back on a throw. */
public class InMemoryUnitOfWork implements UnitOfWork {
  private final InMemoryUserRepository users;
  private final ReentrantLock lock = new ReentrantLock();

  public InMemoryUnitOfWork(InMemoryUserRepository users) {
    this.users = users;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    var snapshot = users.snapshot();
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      users.restore(snapshot);
      throw e;
    } finally {
      lock.unlock();
    }
  }

}
