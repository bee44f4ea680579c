package com.datamingle.adapter.cli.command.common;

/** A failure whose message already says everything: exit 1 without the --trace hint. */
public class KnownFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KnownFailure(String message) {
    super(message);
  }
}
