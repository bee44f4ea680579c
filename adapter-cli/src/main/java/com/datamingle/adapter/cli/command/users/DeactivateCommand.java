package com.datamingle.adapter.cli.command.users;

import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import picocli.CommandLine.Command;

/** {@code datamingle users deactivate USER}. */
@Command(
    name = "deactivate",
    mixinStandardHelpOptions = true,
    description = "Refuse a user's sign-ins (never the last active admin).")
final class DeactivateCommand extends AccessChangeCommand {
  DeactivateCommand() {
    super(user -> new ChangeUserAccessUseCase.Command(user, false, null), "deactivated");
  }
}
