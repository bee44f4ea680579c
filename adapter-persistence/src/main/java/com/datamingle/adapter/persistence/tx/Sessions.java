package com.datamingle.adapter.persistence.tx;

import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Hands mappers to repositories: the session of the transaction running on this thread, or a
 * short auto-commit session for a call made outside any transaction (a plain read never opens a
 * transaction, so on SQLite it never takes the writer lock).
 */
public final class Sessions {
  private final SqlSessionFactory factory;
  private final ThreadLocal<SqlSession> current = new ThreadLocal<>();

  public Sessions(SqlSessionFactory factory) {
    this.factory = factory;
  }

  public <M, T> T withMapper(Class<M> type, Function<M, T> call) {
    SqlSession session = current.get();
    if (session != null) {
      return call.apply(session.getMapper(type));
    }
    try (SqlSession autoCommit = factory.openSession(true)) {
      return call.apply(autoCommit.getMapper(type));
    }
  }

  SqlSession current() {
    return current.get();
  }

  SqlSession begin() {
    SqlSession session = factory.openSession(false);
    current.set(session);
    return session;
  }

  void end(SqlSession session) {
    current.remove();
    session.close();
  }
}
