package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code datamingle users list}. */
@Command(name = "list", mixinStandardHelpOptions = true)
final class ListCommand extends Subcommand {

  @Option(names = "--q", paramLabel = "PREFIX")
  String q;

  @Option(names = "--active", paramLabel = "true|false", arity = "1")
  Boolean active;

  @Option(names = "--admin", paramLabel = "true|false", arity = "1")
  Boolean admin;

  @Option(names = "--limit", defaultValue = "50")
  int limit;

  @Option(names = "--cursor")
  String cursor;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    try (AdminWiring.UserReading users = AdminWiring.userReading(context.settings())) {
      ListUsersUseCase.Page page =
          users
              .listUsers()
              .listUsers(new ListUsersUseCase.Query(q, active, this.admin, limit, cursor));
      PrintWriter out = context.out();
      if (json.requested()) {
        Map<String, Object> o = Output.object();
        o.put("users", page.users().stream().map(UserJson::of).toList());
        o.put("next_cursor", page.nextCursor());
        out.println(Output.json(o));
      } else {
        UserTable.print(out, page.users());
        if (page.nextCursor() != null) {
          out.println("More: --cursor " + page.nextCursor());
        }
      }
    }
    return ExitCode.OK;
  }
}
