package com.datamingle.adapter.cli.command.dev;

import com.datamingle.adapter.cli.command.common.GroupCommand;
import picocli.CommandLine.Command;

/** {@code datamingle dev}: helpers for development mode. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Development helpers (for `serve --dev`).",
    subcommands = TokenCommand.class)
public final class DevCommand extends GroupCommand {}
