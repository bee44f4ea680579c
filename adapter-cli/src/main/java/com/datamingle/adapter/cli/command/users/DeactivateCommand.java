package com.datamingle.adapter.cli.command.users;

import picocli.CommandLine.Command;

/** {@code datamingle users deactivate USER}. */
@Command(
    name = "deactivate",
    mixinStandardHelpOptions = true,
    description = "Refuse a user's sign-ins (never the last active admin).")
final class DeactivateCommand extends AccessChangeCommand {
  DeactivateCommand() {
    super(false, null, "deactivated");
  }
}
