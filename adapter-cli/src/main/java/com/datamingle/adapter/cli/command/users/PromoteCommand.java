package com.datamingle.adapter.cli.command.users;

import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import picocli.CommandLine.Command;

/** {@code datamingle users promote USER}. */
@Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a user an admin.")
final class PromoteCommand extends AccessChangeCommand {
  PromoteCommand() {
    super(user -> new ChangeUserAccessUseCase.Command(user, null, true), "promoted to admin");
  }
}
