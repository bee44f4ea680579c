package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Failures;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.KnownFailure;
import com.datamingle.adapter.cli.command.common.UsageFailure;

/** What a failed command prints (one line) and which exit code it ends with. */
final class FailureMessages {
  private FailureMessages() {}

  static int exitCode(Exception e) {
    if (Failures.isUsage(e) || e instanceof UsageFailure) {
      return ExitCode.USAGE;
    }
    return ExitCode.FAILED;
  }

  static boolean isExpected(Exception e) {
    return Failures.isExpected(e) || e instanceof KnownFailure;
  }

  /**
   * One line (a library's multi-line text never reaches the terminal; --trace prints the stack).
   * Our own expected failures may add indented detail lines of their own.
   */
  static String message(Exception e) {
    if (isExpected(e)) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String detail = firstLine(root.getMessage() != null ? root.getMessage() : e.getMessage());
    if (Failures.isDatabase(e)) {
      return "the database could not be used as DataMingle expects ("
          + root.getClass().getSimpleName()
          + (detail.isEmpty() ? "" : ": " + detail)
          + "); `datamingle db current` and `datamingle db drift` show what it holds";
    }
    return "unexpected " + e.getClass().getSimpleName() + (detail.isEmpty() ? "" : ": " + detail);
  }

  /**
   * The first line of a library's message that says something, without MyBatis's "###" decoration,
   * at most 300 characters.
   */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line =
        message
            .lines()
            .map(l -> l.replaceFirst("^#+\\s*", "").strip())
            .filter(l -> !l.isEmpty())
            .findFirst()
            .orElse("");
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }
}
