package com.datamingle.adapter.cli.command.dev;

import com.datamingle.adapter.cli.command.common.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code datamingle dev}: helpers for development mode. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Development helpers (for `serve --dev`).")
public final class DevCommand extends GroupCommand {
  /** Its subcommands, in the order help lists them (CommandTree adds them). */
  public static final List<Class<?>> SUBCOMMANDS = List.of(TokenCommand.class);
}
