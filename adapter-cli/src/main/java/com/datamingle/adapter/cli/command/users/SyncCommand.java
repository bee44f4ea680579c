package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.application.port.in.sync.SyncWorkOsEventsUseCase;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datamingle users sync}: WorkOS's Events API polled, for deployments without webhooks. */
@Command(name = "sync", mixinStandardHelpOptions = true)
final class SyncCommand extends Subcommand {

  @Option(names = "--follow")
  boolean follow;

  @Option(names = "--interval", defaultValue = "60", paramLabel = "SECONDS")
  int interval;

  @Option(names = "--page-size", defaultValue = "100", paramLabel = "N")
  int pageSize;

  @Option(names = "--from-start")
  boolean fromStart;

  @Option(names = "--json")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    if (pageSize < 1 || pageSize > 100) {
      throw context.usage("--page-size must be 1 to 100, got " + pageSize);
    }
    if (interval < 1 || interval > 3600) {
      throw context.usage("--interval must be 1 to 3600 seconds, got " + interval);
    }
    PrintWriter out = context.out();
    try (AdminWiring.UserAdmin users =
        AdminWiring.userAdmin(context.settings(), Clock.systemUTC())) {
      boolean restart = fromStart;
      while (true) {
        try {
          print(out, users.syncWorkOsEvents().syncOnce(pageSize, restart));
          restart = false;
        } catch (IdentityProviderUnavailable e) {
          if (!follow) {
            throw e;
          }
          context
              .err()
              .println("datamingle: " + e.getMessage() + " (retrying in " + interval + " s)");
        }
        if (!follow) {
          return ExitCode.OK;
        }
        Thread.sleep(interval * 1000L);
      }
    }
  }

  private void print(PrintWriter out, SyncWorkOsEventsUseCase.Report report) {
    if (json) {
      Map<String, Object> o = Output.object();
      o.put("events", report.events());
      o.put("applied", report.applied());
      o.put("duplicates", report.duplicates());
      o.put("stale", report.stale());
      o.put("ignored", report.ignored());
      o.put("cursor", report.cursor());
      out.println(Output.json(o));
    } else {
      out.println(
          "WorkOS events: "
              + report.events()
              + " read ("
              + report.applied()
              + " applied, "
              + report.duplicates()
              + " duplicate, "
              + report.stale()
              + " stale, "
              + report.ignored()
              + " ignored); cursor "
              + (report.cursor() == null ? "none yet" : report.cursor()));
    }
    out.flush();
  }
}
