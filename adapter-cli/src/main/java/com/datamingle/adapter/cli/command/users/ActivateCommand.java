package com.datamingle.adapter.cli.command.users;

import picocli.CommandLine.Command;

/** {@code datamingle users activate USER}. */
@Command(
    name = "activate",
    mixinStandardHelpOptions = true,
    description = "Let a deactivated user sign in again.")
final class ActivateCommand extends AccessChangeCommand {
  ActivateCommand() {
    super(true, null, "activated");
  }
}
