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
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Bring users up to date from WorkOS's Events API (for deployments that cannot receive"
          + " webhooks).",
      "Reads user.created, user.updated and user.deleted events after the stored cursor and"
          + " applies each once, as the webhook would; the cursor moves with every event, so an"
          + " interrupted run resumes. Needs WORKOS_API_KEY.",
      "Without --follow, reads until WorkOS has no more and exits; with it, polls until stopped."
    })
final class SyncCommand extends Subcommand {

  @Option(
      names = "--follow",
      description = "Keep polling every --interval seconds until stopped (Ctrl-C or SIGTERM).")
  boolean follow;

  @Option(
      names = "--interval",
      defaultValue = "60",
      paramLabel = "SECONDS",
      description = "Seconds between polls with --follow (1-3600; default 60).")
  int interval;

  @Option(
      names = "--page-size",
      defaultValue = "100",
      paramLabel = "N",
      description = "Events per request (1-100; default 100).")
  int pageSize;

  @Option(
      names = "--from-start",
      description =
          "Ignore the stored cursor and read every event WorkOS still keeps (30 days);"
              + " for a cursor WorkOS no longer knows. Events already applied change nothing.")
  boolean fromStart;

  @Option(names = "--json", description = "Print one JSON object per poll.")
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
