package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.domain.user.User;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle users show USER}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one user.")
final class ShowCommand extends Subcommand {

  @Mixin UserArgument user;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    try (AdminWiring.UserReading users = AdminWiring.userReading(context.settings())) {
      User found = users.getUser().getUser(user.reference());
      PrintWriter out = context.out();
      if (json.requested()) {
        out.println(Output.json(UserJson.of(found)));
      } else {
        UserTable.print(out, List.of(found));
      }
    }
    return ExitCode.OK;
  }
}
