package com.datamingle.adapter.persistence.tx;

import com.datamingle.application.port.out.UnitOfWork;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;

/**
 * Persistence adapter: the unit of work as one MyBatis session with auto-commit off. Nested calls
 * join the running transaction. With {@code singleWriter} (SQLite), transactions of this process
 * take turns at a fair gate, so they queue here instead of spinning on the database's busy lock.
 */
public final class MyBatisUnitOfWork implements UnitOfWork {
  private final Sessions sessions;
  private final Semaphore writerGate;

  public MyBatisUnitOfWork(Sessions sessions, boolean singleWriter) {
    this.sessions = sessions;
    this.writerGate = singleWriter ? new Semaphore(1, true) : null;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (sessions.current() != null) {
      return work.get();
    }
    if (writerGate != null) {
      writerGate.acquireUninterruptibly();
    }
    try {
      SqlSession session = sessions.begin();
      try {
        T result = work.get();
        session.commit(true);
        return result;
      } catch (RuntimeException | Error e) {
        session.rollback(true);
        throw e;
      } finally {
        sessions.end(session);
      }
    } finally {
      if (writerGate != null) {
        writerGate.release();
      }
    }
  }
}
