package com.datamingle.adapter.persistence.tx;

import com.datamingle.application.port.out.UnitOfWork;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;

/**
 * Persistence adapter: the unit of work as one MyBatis session with auto-commit off. Nested calls
 * join the running transaction. With {@code singleWriter} (SQLite), transactions of this process
 * take turns at a gate, so they queue here instead of spinning on the database's busy lock. The
 * gate is not fair on purpose: a thread that just finished may go again without a hand-off to a
 * parked one, which measured faster under load; no thread waits long, as each turn is short.
 */
public final class MyBatisUnitOfWork implements UnitOfWork {
  private final Sessions sessions;
  private final ReentrantLock writerGate;

  public MyBatisUnitOfWork(Sessions sessions, boolean singleWriter) {
    this.sessions = sessions;
    this.writerGate = singleWriter ? new ReentrantLock(false) : null;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (sessions.current() != null) {
      return work.get();
    }
    if (writerGate != null) {
      writerGate.lock();
    }
    try {
      SqlSession session = sessions.begin();
      try {
        T result = work.get();
        sessions.commit(session);
        return result;
      } catch (RuntimeException | Error e) {
        sessions.rollback(session);
        throw e;
      } finally {
        sessions.end(session);
      }
    } finally {
      if (writerGate != null) {
        writerGate.unlock();
      }
    }
  }
}
