package com.datamingle.adapter.cli.command.common;

/** The exit codes of {@code datamingle}: 0 ok, 1 failed, 2 usage. */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  /** Returned by a command that leaves the JVM running (a server) instead of an exit code. */
  public static final int KEEP_RUNNING = -1;
}
