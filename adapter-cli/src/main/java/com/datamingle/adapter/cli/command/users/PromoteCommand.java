package com.datamingle.adapter.cli.command.users;

import picocli.CommandLine.Command;

/** {@code datamingle users promote USER}. */
@Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a user an admin.")
final class PromoteCommand extends AccessChangeCommand {
  PromoteCommand() {
    super(null, true, "promoted to admin");
  }
}
