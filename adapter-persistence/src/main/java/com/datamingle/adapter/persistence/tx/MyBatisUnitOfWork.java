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
    return run(work, false);
  }

  /**
   * PostgreSQL: {@code SET LOCAL synchronous_commit = off}, so the commit returns before its WAL
   * reaches the disk. A crash of the database can then lose the last fraction of a second of such
   * commits, never more, and never a later commit without this one: PostgreSQL writes its WAL in
   * order, so a durable commit after it makes it durable too. Joined by a running transaction, the
   * work takes that transaction's durability.
   */
  @Override
  public <T> T inRederivableTransaction(Supplier<T> work) {
    return run(work, true);
  }

  private <T> T run(Supplier<T> work, boolean rederivable) {
    if (sessions.current() != null) {
      return work.get();
    }
    SqlSession session = sessions.begin();
    boolean committed = false;
    try {
      if (rederivable) {
        Sessions.asynchronousCommit(session);
      }
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
