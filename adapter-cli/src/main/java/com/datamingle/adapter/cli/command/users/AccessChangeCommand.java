package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.domain.user.User;
import java.time.Clock;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * What promote, demote, activate and deactivate share: they differ only in the change they make and
 * in the word that says it was done.
 */
abstract class AccessChangeCommand extends Subcommand {

  @Mixin UserArgument user;

  @Mixin JsonOption json;

  private final Function<UserReference, ChangeUserAccessUseCase.Command> change;
  private final String done;

  /**
   * @param change the change for the user named
   * @param done the word that says it was done
   */
  AccessChangeCommand(
      Function<UserReference, ChangeUserAccessUseCase.Command> change, String done) {
    this.change = change;
    this.done = done;
  }

  @Override
  public Integer call() {
    try (AdminWiring.UserAdmin users =
        AdminWiring.userAdmin(context.settings(), Clock.systemUTC())) {
      User changed = users.changeUserAccess().changeUserAccess(change.apply(user.reference()));
      context
          .out()
          .println(
              json.requested()
                  ? Output.json(UserJson.of(changed))
                  : done + ": " + changed.email().value() + " (" + changed.id() + ")");
    }
    return ExitCode.OK;
  }
}
