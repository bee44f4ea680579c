package com.datamingle.adapter.cli.command.users;

import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import picocli.CommandLine.Command;

/** {@code datamingle users activate USER}. */
@Command(
    name = "activate",
    mixinStandardHelpOptions = true,
    description = "Let a deactivated user sign in again.")
final class ActivateCommand extends AccessChangeCommand {
  ActivateCommand() {
    super(user -> new ChangeUserAccessUseCase.Command(user, true, null), "activated");
  }
}
