package com.datamingle.adapter.persistence.tx;

import com.datamingle.application.port.out.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;

/**
 * Persistence adapter for a single-writer database (SQLite): one writer thread runs the units of
 * work of every caller, and commits the ones that queued up meanwhile together, in one transaction
 * (group commit). Each unit runs inside its own savepoint, so a unit that fails is rolled back
 * alone and reports its own exception, while its neighbours commit. A caller waits until the
 * transaction holding its unit has committed, so a returned result is durable as far as the
 * database makes it. Nested units join the running one.
 */
final class GroupCommitUnitOfWork implements UnitOfWork, AutoCloseable {
  static final int MAX_BATCH = 64;
  private final Sessions sessions;
  private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  private static final class Job<T> {
    final Supplier<T> work;
    final CompletableFuture<T> done = new CompletableFuture<>();
    T result;
    Throwable failure;
    List<TransactionHooks.Hook> hooks = List.of();

    Job(Supplier<T> work) {
      this.work = work;
    }

    void run(Sessions sessions, SqlSession session) {
      Sessions.savepoint(session, "dm_unit");
      try {
        result = work.get();
        Sessions.release(session, "dm_unit");
      } catch (RuntimeException | Error e) {
        failure = e;
        Sessions.rollbackTo(session, "dm_unit");
      } finally {
        hooks = sessions.takeHooks();
        session.clearCache();
      }
    }

    /**
     * Runs on the writer thread, in commit order: the unit's hooks first, then its caller is
     * released.
     */
    void finish(Throwable commitFailure) {
      Sessions.run(hooks, failure == null && commitFailure == null);
      if (failure != null) {
        done.completeExceptionally(failure);
      } else if (commitFailure != null) {
        done.completeExceptionally(commitFailure);
      } else {
        done.complete(result);
      }
    }
  }

  GroupCommitUnitOfWork(Sessions sessions) {
    this.sessions = sessions;
    this.writer = new Thread(this::writeLoop, "datamingle-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (sessions.current() != null) {
      return work.get();
    }
    if (closed) {
      throw new IllegalStateException("the database is closed");
    }
    Job<T> job = new Job<>(work);
    queue.add(job);
    try {
      return job.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a write to commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private void writeLoop() {
    List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!closed) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      Throwable commitFailure = null;
      SqlSession session = null;
      try {
        session = sessions.begin();
        for (Job<?> job : batch) {
          job.run(sessions, session);
        }
        sessions.commit(session);
      } catch (RuntimeException | Error e) {
        commitFailure = e;
        if (session != null) {
          try {
            sessions.rollback(session);
          } catch (RuntimeException ignored) {
            // the transaction is gone with the connection
          }
        }
      } finally {
        if (session != null) {
          try {
            sessions.end(session);
          } catch (RuntimeException ignored) {
            // the outcome is already decided; closing a connection must not stop the writer thread
          }
        }
      }
      for (Job<?> job : batch) {
        job.finish(commitFailure);
      }
      batch.clear();
    }
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    for (Job<?> job; (job = queue.poll()) != null; ) {
      job.done.completeExceptionally(
          new IllegalStateException("the database was closed before this write ran"));
    }
  }
}
