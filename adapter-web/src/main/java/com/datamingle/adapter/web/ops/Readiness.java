package com.datamingle.adapter.web.ops;

/** Whether the service can take traffic: the database answers and its schema is at head. */
@FunctionalInterface
public interface Readiness {

  Status check();

  /**
   * {@code detail} says what is wrong when not ready, or what is worth knowing when ready (such as
   * {@code invalidation: degraded}); it never holds a secret.
   */
  record Status(boolean ready, String detail) {}
}
