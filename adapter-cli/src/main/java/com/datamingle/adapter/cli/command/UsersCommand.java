package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Wiring;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.port.in.sync.PurgeDeletedUsersUseCase;
import com.datamingle.application.port.in.sync.SyncWorkOsEventsUseCase;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.user.User;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code datamingle users}: operators manage users through the application layer, so its rules
 * hold.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description =
        "List and manage users (operators make the first admin here). Name a user by id, WorkOS"
            + " user id (user_...) or email.",
    subcommands = {
      UsersCommand.ListUsers.class,
      UsersCommand.Show.class,
      UsersCommand.Promote.class,
      UsersCommand.Demote.class,
      UsersCommand.Activate.class,
      UsersCommand.Deactivate.class,
      UsersCommand.Sync.class,
      UsersCommand.Purge.class
    })
final class UsersCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a users command: list, show, promote, demote, activate, deactivate, sync or purge");
  }

  static Map<String, Object> json(User u) {
    Map<String, Object> o = Output.object();
    o.put("id", u.id().toString());
    o.put("workos_user_id", u.workosUserId().value());
    o.put("email", u.email().value());
    o.put("first_name", u.firstName() == null ? null : u.firstName().value());
    o.put("last_name", u.lastName() == null ? null : u.lastName().value());
    o.put("is_active", u.active());
    o.put("is_admin", u.admin());
    o.put("timezone", u.timezone().id());
    o.put("language", u.language().tag());
    o.put("created_at", u.createdAt().toString());
    o.put("updated_at", u.updatedAt().toString());
    o.put("last_login_at", u.lastLoginAt() == null ? null : u.lastLoginAt().toString());
    return o;
  }

  static List<String> row(User u) {
    String name =
        ((u.firstName() == null ? "" : u.firstName().value())
                + " "
                + (u.lastName() == null ? "" : u.lastName().value()))
            .strip();
    return List.of(
        u.id().toString(),
        u.workosUserId().value(),
        u.email().value(),
        name.isEmpty() ? "-" : name,
        u.active() ? "yes" : "no",
        u.admin() ? "yes" : "no",
        u.lastLoginAt() == null ? "never" : u.lastLoginAt().toString());
  }

  static final List<String> HEADER =
      List.of("ID", "WORKOS ID", "EMAIL", "NAME", "ACTIVE", "ADMIN", "LAST LOGIN");

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List users, oldest first, a page at a time.")
  static final class ListUsers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--q",
        paramLabel = "PREFIX",
        description = "Prefix of the email, first name or last name.")
    String q;

    @Option(names = "--active", paramLabel = "true|false", arity = "1")
    Boolean active;

    @Option(names = "--admin", paramLabel = "true|false", arity = "1")
    Boolean admin;

    @Option(
        names = "--limit",
        defaultValue = "50",
        description = "At most this many (1-200; default 50).")
    int limit;

    @Option(names = "--cursor", description = "The next_cursor of the previous page.")
    String cursor;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      try (Wiring.UserAdmin admin = Wiring.userAdmin(DbCommand.settings(spec), Clock.systemUTC())) {
        ListUsersUseCase.Page page =
            admin
                .listUsers()
                .listUsers(new ListUsersUseCase.Query(q, active, this.admin, limit, cursor));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          Map<String, Object> o = Output.object();
          o.put("users", page.users().stream().map(UsersCommand::json).toList());
          o.put("next_cursor", page.nextCursor());
          out.println(Output.json(o));
        } else {
          Output.table(out, HEADER, page.users().stream().map(UsersCommand::row).toList());
          if (page.nextCursor() != null) {
            out.println("More: --cursor " + page.nextCursor());
          }
        }
      }
      return RootCommand.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one user.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USER", description = "Id, WorkOS user id or email.")
    String user;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      try (Wiring.UserAdmin admin = Wiring.userAdmin(DbCommand.settings(spec), Clock.systemUTC())) {
        User found = admin.getUser().getUser(UserReference.parse(user));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(Output.json(json(found)));
        } else {
          Output.table(out, HEADER, List.of(row(found)));
        }
      }
      return RootCommand.OK;
    }
  }

  /** The four flag changes differ only in what they set. */
  abstract static class Change implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USER", description = "Id, WorkOS user id or email.")
    String user;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    abstract ChangeUserAccessUseCase.Command command(UserReference reference);

    abstract String done();

    @Override
    public Integer call() {
      try (Wiring.UserAdmin admin = Wiring.userAdmin(DbCommand.settings(spec), Clock.systemUTC())) {
        User changed =
            admin.changeUserAccess().changeUserAccess(command(UserReference.parse(user)));
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            json
                ? Output.json(json(changed))
                : done() + ": " + changed.email().value() + " (" + changed.id() + ")");
      }
      return RootCommand.OK;
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a user an admin.")
  static final class Promote extends Change {
    ChangeUserAccessUseCase.Command command(UserReference r) {
      return new ChangeUserAccessUseCase.Command(r, null, true);
    }

    String done() {
      return "promoted to admin";
    }
  }

  @Command(
      name = "demote",
      mixinStandardHelpOptions = true,
      description = "Take admin rights away (never from the last active admin).")
  static final class Demote extends Change {
    ChangeUserAccessUseCase.Command command(UserReference r) {
      return new ChangeUserAccessUseCase.Command(r, null, false);
    }

    String done() {
      return "demoted";
    }
  }

  @Command(
      name = "activate",
      mixinStandardHelpOptions = true,
      description = "Let a deactivated user sign in again.")
  static final class Activate extends Change {
    ChangeUserAccessUseCase.Command command(UserReference r) {
      return new ChangeUserAccessUseCase.Command(r, true, null);
    }

    String done() {
      return "activated";
    }
  }

  @Command(
      name = "deactivate",
      mixinStandardHelpOptions = true,
      description = "Refuse a user's sign-ins (never the last active admin).")
  static final class Deactivate extends Change {
    ChangeUserAccessUseCase.Command command(UserReference r) {
      return new ChangeUserAccessUseCase.Command(r, false, null);
    }

    String done() {
      return "deactivated";
    }
  }

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
  static final class Sync implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--page-size must be 1 to 100, got " + pageSize);
      }
      if (interval < 1 || interval > 3600) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--interval must be 1 to 3600 seconds, got " + interval);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (Wiring.UserAdmin admin = Wiring.userAdmin(DbCommand.settings(spec), Clock.systemUTC())) {
        boolean restart = fromStart;
        while (true) {
          try {
            print(out, admin.syncWorkOsEvents().syncOnce(pageSize, restart));
            restart = false;
          } catch (IdentityProviderUnavailable e) {
            if (!follow) {
              throw e;
            }
            spec.commandLine()
                .getErr()
                .println("datamingle: " + e.getMessage() + " (retrying in " + interval + " s)");
          }
          if (!follow) {
            return RootCommand.OK;
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

  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      description = {
        "Remove the rows of users that WorkOS deleted more than --older-than days ago, and forget"
            + " processed WorkOS event ids received more than 30 days ago.",
        "What WorkOS deleted stays recorded, so neither a late event nor an old token brings a"
            + " purged user back.",
        "Asks first (or --yes); --dry-run only reports."
      })
  static final class Purge implements Callable<Integer> {
    static final int EVENT_ID_DAYS = 30;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--older-than",
        defaultValue = "30",
        paramLabel = "DAYS",
        description =
            "Purge users deleted at WorkOS more than this many days ago (0 or more; default 30).")
    int days;

    @Option(names = "--dry-run", description = "Report what would be removed; remove nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      if (days < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--older-than must be 0 or more days, got " + days);
      }
      Instant now = Instant.now();
      PurgeDeletedUsersUseCase.Command command =
          new PurgeDeletedUsersUseCase.Command(
              now.minus(Duration.ofDays(days)), now.minus(Duration.ofDays(EVENT_ID_DAYS)), true);
      PrintWriter out = spec.commandLine().getOut();
      try (Wiring.UserAdmin admin = Wiring.userAdmin(DbCommand.settings(spec), Clock.systemUTC())) {
        PurgeDeletedUsersUseCase.Result preview = admin.purgeDeletedUsers().purge(command);
        PurgeDeletedUsersUseCase.Result result = preview;
        if (!dryRun && (!preview.users().isEmpty() || preview.events() > 0)) {
          Confirm.require(
              yes,
              "This removes "
                  + preview.users().size()
                  + " user(s) deleted at WorkOS more than "
                  + days
                  + " days ago and "
                  + preview.events()
                  + " old event id(s).",
              "--yes");
          result =
              admin
                  .purgeDeletedUsers()
                  .purge(
                      new PurgeDeletedUsersUseCase.Command(
                          command.deletedBefore(), command.eventsReceivedBefore(), false));
        }
        if (json) {
          Map<String, Object> o = Output.object();
          o.put("dry_run", dryRun);
          o.put("users", result.users().stream().map(UsersCommand::json).toList());
          o.put("events", result.events());
          out.println(Output.json(o));
        } else {
          if (!result.users().isEmpty()) {
            Output.table(out, HEADER, result.users().stream().map(UsersCommand::row).toList());
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
      return RootCommand.OK;
    }
  }
}
