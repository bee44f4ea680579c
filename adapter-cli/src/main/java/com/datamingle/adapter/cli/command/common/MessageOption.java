package com.datamingle.adapter.cli.command.common;

import picocli.CommandLine.Option;

/**
 * {@code -m/--message MESSAGE}, required, mixed in with {@code @Mixin MessageOption message}: what
 * a new migration does. Each command describes it in the help bundle under its own name.
 */
public final class MessageOption {
  @Option(
      names = {"-m", "--message"},
      required = true,
      paramLabel = "MESSAGE")
  private String message;

  public String text() {
    return message;
  }
}
