package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.command.common.CommandContext;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.domain.user.User;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What promote, demote, activate and deactivate share: they differ only in which flag they set (the
 * other stays null) and in the word that says it was done.
 */
abstract class AccessChangeCommand implements Callable<Integer> {
  @Mixin CommandContext context;

  @Mixin UserArgument user;

  @Mixin JsonOption json;

  private final Boolean active;
  private final Boolean admin;
  private final String done;

  AccessChangeCommand(Boolean active, Boolean admin, String done) {
    this.active = active;
    this.admin = admin;
    this.done = done;
  }

  @Override
  public Integer call() {
    try (AdminWiring.UserAdmin users =
        AdminWiring.userAdmin(context.settings(), Clock.systemUTC())) {
      User changed =
          users
              .changeUserAccess()
              .changeUserAccess(
                  new ChangeUserAccessUseCase.Command(user.reference(), active, admin));
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
