package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.YesOption;
import com.datamingle.application.port.in.sync.PurgeDeletedUsersUseCase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code datamingle users purge}: rows of users WorkOS deleted long ago, and old event ids. */
@Command(name = "purge", mixinStandardHelpOptions = true)
final class PurgeCommand extends Subcommand {
  static final int EVENT_ID_DAYS = 30;

  @Option(names = "--older-than", defaultValue = "30", paramLabel = "DAYS")
  int days;

  @Option(names = "--dry-run")
  boolean dryRun;

  @Mixin YesOption yes;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    if (days < 0) {
      throw context.usage("--older-than must be 0 or more days, got " + days);
    }
    Instant now = Instant.now();
    Instant deletedBefore = now.minus(Duration.ofDays(days));
    Instant eventsBefore = now.minus(Duration.ofDays(EVENT_ID_DAYS));
    try (AdminWiring.UserAdmin users =
        AdminWiring.userAdmin(context.settings(), Clock.systemUTC())) {
      PurgeDeletedUsersUseCase purge = users.purgeDeletedUsers();
      PurgeDeletedUsersUseCase.Result result =
          purge.purge(new PurgeDeletedUsersUseCase.Command(deletedBefore, eventsBefore, true));
      if (!dryRun && (!result.users().isEmpty() || result.events() > 0)) {
        yes.confirm(
            "This removes "
                + result.users().size()
                + " user(s) deleted at WorkOS more than "
                + days
                + " days ago and "
                + result.events()
                + " old event id(s).");
        result =
            purge.purge(new PurgeDeletedUsersUseCase.Command(deletedBefore, eventsBefore, false));
      }
      print(context.out(), result);
    }
    return ExitCode.OK;
  }

  private void print(PrintWriter out, PurgeDeletedUsersUseCase.Result result) {
    if (json.requested()) {
      Map<String, Object> o = Output.object();
      o.put("dry_run", dryRun);
      o.put("users", result.users().stream().map(UserJson::of).toList());
      o.put("events", result.events());
      out.println(Output.json(o));
      return;
    }
    if (!result.users().isEmpty()) {
      UserTable.print(out, result.users());
    }
    out.println(
        (dryRun ? "Would remove " : "Removed ")
            + result.users().size()
            + " user(s) deleted at WorkOS and "
            + result.events()
            + " event id(s) older than "
            + EVENT_ID_DAYS
            + " days."
            + (dryRun ? " Nothing was changed." : ""));
  }
}
