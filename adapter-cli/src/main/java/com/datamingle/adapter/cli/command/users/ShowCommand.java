package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.command.common.CommandContext;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.domain.user.User;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datamingle users show USER}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one user.")
final class ShowCommand implements Callable<Integer> {
  @Mixin CommandContext context;

  @Parameters(index = "0", paramLabel = "USER", description = "Id, WorkOS user id or email.")
  String user;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (AdminWiring.UserAdmin users =
        AdminWiring.userAdmin(context.settings(), Clock.systemUTC())) {
      User found = users.getUser().getUser(UserReference.parse(user));
      PrintWriter out = context.out();
      if (json) {
        out.println(Output.json(UserJson.of(found)));
      } else {
        UserTable.print(out, List.of(found));
      }
    }
    return ExitCode.OK;
  }
}
