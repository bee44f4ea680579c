package com.datamingle.adapter.persistence.tx;

import com.datamingle.application.port.out.UnitOfWork;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;

/**
 * Persistence adapter: the unit of work as one MyBatis session with auto-commit off, for a database
 * with many concurrent writers (PostgreSQL). Nested calls join the running transaction. A
 * single-writer database uses {@link GroupCommitUnitOfWork} instead.
 */
final class MyBatisUnitOfWork implements UnitOfWork {
  private final Sessions sessions;

  MyBatisUnitOfWork(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (sessions.current() != null) {
      return work.get();
    }
    SqlSession session = sessions.begin();
    boolean committed = false;
    try {
      T result = work.get();
      sessions.commit(session);
      committed = true;
      return result;
    } catch (RuntimeException | Error e) {
      sessions.rollback(session);
      throw e;
    } finally {
      List<TransactionHooks.Hook> hooks = sessions.takeHooks();
      sessions.end(session);
      Sessions.run(hooks, committed);
    }
  }
}
