package com.datamingle.application.port.out;

import java.util.function.Supplier;

/**
 * Outbound port: runs work in one database transaction, committed on return, rolled back on a
 * throw.
 */
public interface UnitOfWork {

  <T> T inTransaction(Supplier<T> work);

  /**
   * {@link #inTransaction} for writes the service can derive again from the next request (the last
   * sign-in time and session of a user, which the next token of a new session writes anew): the
   * database may acknowledge the commit before it is durable (PostgreSQL: {@code synchronous_commit
   * = off} for this transaction), so a crash of the database in the next moments may forget it.
   * Never for what a user typed.
   */
  default <T> T inRederivableTransaction(Supplier<T> work) {
    return inTransaction(work);
  }
}
