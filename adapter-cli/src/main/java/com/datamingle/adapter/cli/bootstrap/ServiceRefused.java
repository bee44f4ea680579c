package com.datamingle.adapter.cli.bootstrap;

/**
 * The service will not start as configured; the message says why and what to run instead (exit 1).
 */
public final class ServiceRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServiceRefused(String message) {
    super(message);
  }
}
