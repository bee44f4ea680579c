package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.command.common.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code datamingle users}: operators manage users through the application layer, so its rules
 * hold. Each subcommand is a class of this package.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description =
        "List and manage users (operators make the first admin here). Name a user by id, WorkOS"
            + " user id (user_...) or email.")
public final class UsersCommand extends GroupCommand {
  /** Its subcommands, in the order help lists them (CommandTree adds them). */
  public static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ListCommand.class,
          ShowCommand.class,
          PromoteCommand.class,
          DemoteCommand.class,
          ActivateCommand.class,
          DeactivateCommand.class,
          SignOutCommand.class,
          SyncCommand.class,
          PurgeCommand.class);
}
