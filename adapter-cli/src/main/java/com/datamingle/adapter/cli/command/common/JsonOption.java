package com.datamingle.adapter.cli.command.common;

import picocli.CommandLine.Option;

/** {@code --json}, mixed in with {@code @Mixin JsonOption json}: print JSON instead of text. */
public final class JsonOption {
  @Option(names = "--json", description = "Print JSON.")
  private boolean json;

  public boolean requested() {
    return json;
  }
}
