package com.datamingle.migrations.database;

/** A schema operation was refused or failed; the message says what happened and what to do. */
public class MigrationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MigrationFailure(String message) {
    super(message);
  }

  public MigrationFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A library's message (a driver's error with its Detail, Hint and Where lines) as one line, at
   * most 400 characters, to be quoted inside ours: no multi-line dump reaches the terminal.
   */
  public static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "no message";
    }
    String line = message.strip().replaceAll("\\s*\\R\\s*", "; ");
    return line.length() <= 400 ? line : line.substring(0, 400) + "...";
  }

  /** The message of the innermost cause, or its class name when it has none. */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
