package com.datamingle.adapter.persistence.tx;

/**
 * Lets a repository act when the transaction it wrote in has ended: after the commit (so that no
 * other thread can read the old row any more) or after a rollback.
 */
@FunctionalInterface
public interface TransactionHooks {

  /** What to do once the running transaction ends; {@code committed} says how it ended. */
  interface Hook {
    void ended(boolean committed);
  }

  /**
   * Registers {@code hook} for the transaction running on this thread; outside a transaction the
   * write has already committed, and the hook runs at once.
   */
  void afterTransaction(Hook hook);
}
