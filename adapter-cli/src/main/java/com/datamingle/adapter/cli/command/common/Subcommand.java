package com.datamingle.adapter.cli.command.common;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that does something (rather than group others): it returns its exit code, and reads
 * what it needs from the command line through {@link #context}.
 */
public abstract class Subcommand implements Callable<Integer> {
  @Mixin protected CommandContext context;
}
