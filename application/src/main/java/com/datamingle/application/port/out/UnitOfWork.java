package com.datamingle.application.port.out;

import java.util.function.Supplier;

/**
 * Outbound port: runs work in one database transaction, committed on return, rolled back on a
 * throw.
 */
public interface UnitOfWork {

  <T> T inTransaction(Supplier<T> work);
}
