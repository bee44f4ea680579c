package com.datamingle.adapter.cli.command.common;

import java.io.Console;
import java.util.Locale;

/**
 * Asks before a destructive step: on a terminal, a typed "yes"; otherwise the --yes flag is
 * required.
 */
public final class Confirm {
  private Confirm() {}

  public static void require(boolean yes, String question, String flagHint) {
    if (yes) {
      return;
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageFailure(
          question
              + " This is not a terminal, so nobody can answer: add "
              + flagHint
              + " to go ahead.");
    }
    String answer = console.readLine("%s Type yes to go ahead: ", question);
    if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
      throw new KnownFailure("stopped: nothing was changed");
    }
  }
}
