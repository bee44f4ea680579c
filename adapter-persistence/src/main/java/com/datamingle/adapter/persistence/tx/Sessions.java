package com.datamingle.adapter.persistence.tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Hands mappers to repositories: the session of the transaction running on this thread, or a short
 * auto-commit session for a call made outside any transaction (a plain read never opens a
 * transaction, so on SQLite it never takes the writer lock).
 *
 * <p>On SQLite a transaction is opened with an explicit {@code BEGIN IMMEDIATE} on an auto-commit
 * connection, which takes the writer lock once. The driver's own transactions (auto-commit off)
 * would begin a new transaction right after each commit and end it again when the connection is
 * handed back: two more lock round trips per transaction, measured as the main cost of a write.
 */
public final class Sessions implements TransactionHooks {
  private final SqlSessionFactory factory;
  private final DataSource dataSource;
  private final boolean explicitImmediate;
  private final ThreadLocal<SqlSession> current = new ThreadLocal<>();
  private final ThreadLocal<List<Hook>> hooks = ThreadLocal.withInitial(ArrayList::new);

  public Sessions(SqlSessionFactory factory, DataSource dataSource, boolean explicitImmediate) {
    this.factory = factory;
    this.dataSource = dataSource;
    this.explicitImmediate = explicitImmediate;
  }

  /**
   * Whether the statements are PostgreSQL's (MyBatis's database id): a caller that binds one
   * statement's parameters in two shapes (rows for SQLite, arrays for PostgreSQL) makes only the
   * one its statement reads.
   */
  public boolean postgres() {
    return "postgresql".equals(factory.getConfiguration().getDatabaseId());
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

  @Override
  public void afterTransaction(Hook hook) {
    if (current.get() == null) {
      hook.ended(true);
    } else {
      hooks.get().add(hook);
    }
  }

  /**
   * The hooks registered on this thread since the last call; the caller runs them when the outcome
   * is known.
   */
  List<Hook> takeHooks() {
    List<Hook> registered = hooks.get();
    if (registered.isEmpty()) {
      return List.of();
    }
    List<Hook> taken = List.copyOf(registered);
    registered.clear();
    return taken;
  }

  static void run(List<Hook> hooks, boolean committed) {
    for (Hook hook : hooks) {
      hook.ended(committed);
    }
  }

  SqlSession current() {
    return current.get();
  }

  SqlSession begin() {
    SqlSession session;
    if (explicitImmediate) {
      Connection connection = null;
      try {
        connection = dataSource.getConnection();
        execute(connection, "BEGIN IMMEDIATE");
      } catch (SQLException e) {
        closeQuietly(connection);
        throw new PersistenceException("cannot begin a transaction: " + e.getMessage(), e);
      }
      session = factory.openSession(connection);
    } else {
      session = factory.openSession(false);
    }
    current.set(session);
    return session;
  }

  void commit(SqlSession session) {
    if (explicitImmediate) {
      session.flushStatements();
      try {
        execute(session.getConnection(), "COMMIT");
      } catch (SQLException e) {
        throw new PersistenceException("the commit failed: " + e.getMessage(), e);
      }
    } else {
      session.commit(true);
    }
  }

  void rollback(SqlSession session) {
    if (explicitImmediate) {
      try {
        execute(session.getConnection(), "ROLLBACK");
      } catch (SQLException e) {
        throw new PersistenceException("the rollback failed: " + e.getMessage(), e);
      }
    } else {
      session.rollback(true);
    }
  }

  void end(SqlSession session) {
    current.remove();
    hooks.get().clear();
    session.close();
  }

  /** PostgreSQL: this transaction's commit does not wait for its WAL to be flushed. */
  static void asynchronousCommit(SqlSession session) {
    statement(session, "SET LOCAL synchronous_commit = off");
  }

  static void savepoint(SqlSession session, String name) {
    statement(session, "SAVEPOINT " + name);
  }

  static void release(SqlSession session, String name) {
    statement(session, "RELEASE " + name);
  }

  static void rollbackTo(SqlSession session, String name) {
    statement(session, "ROLLBACK TO " + name);
    statement(session, "RELEASE " + name);
  }

  private static void statement(SqlSession session, String sql) {
    try {
      session.flushStatements();
      execute(session.getConnection(), sql);
    } catch (SQLException e) {
      throw new PersistenceException(sql + " failed: " + e.getMessage(), e);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the pool discards a broken connection
      }
    }
  }
}
