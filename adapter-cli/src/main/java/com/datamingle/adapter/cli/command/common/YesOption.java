package com.datamingle.adapter.cli.command.common;

import java.io.Console;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --yes}, mixed in with {@code @Mixin YesOption yes}: a destructive step asks first, on a
 * terminal a typed "yes"; otherwise the --yes flag is required.
 */
public final class YesOption {
  @Option(names = "--yes", description = "Do not ask.")
  private boolean yes;

  /** Returns when the operator agreed (or gave --yes); otherwise fails, having changed nothing. */
  public void confirm(String question) {
    if (yes) {
      return;
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageFailure(
          question + " This is not a terminal, so nobody can answer: add --yes to go ahead.");
    }
    String answer = console.readLine("%s Type yes to go ahead: ", question);
    if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
      throw new KnownFailure("stopped: nothing was changed");
    }
  }
}
