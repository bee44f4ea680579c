package com.datamingle.adapter.cli.command.common;

/** Wrong input on the command line that picocli could not catch itself: exit 2. */
public final class UsageFailure extends KnownFailure {
  private static final long serialVersionUID = 1L;

  public UsageFailure(String message) {
    super(message);
  }
}
