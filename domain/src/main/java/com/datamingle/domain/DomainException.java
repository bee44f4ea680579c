package com.datamingle.domain;

/** Base of every business-rule failure; adapters translate its subclasses exactly once. */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message);
  }
}
