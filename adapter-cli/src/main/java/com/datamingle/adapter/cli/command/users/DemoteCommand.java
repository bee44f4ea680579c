package com.datamingle.adapter.cli.command.users;

import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import picocli.CommandLine.Command;

/** {@code datamingle users demote USER}. */
@Command(
    name = "demote",
    mixinStandardHelpOptions = true,
    description = "Take admin rights away (never from the last active admin).")
final class DemoteCommand extends AccessChangeCommand {
  DemoteCommand() {
    super(user -> new ChangeUserAccessUseCase.Command(user, null, false), "demoted");
  }
}
