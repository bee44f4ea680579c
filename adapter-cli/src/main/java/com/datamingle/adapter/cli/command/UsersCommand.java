package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Wiring;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.domain.user.User;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datamingle users}: operators manage users through the application layer, so its rules hold. */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "List and manage users (operators make the first admin here). Name a user by id, WorkOS user id (user_...) or email.",
    subcommands = {UsersCommand.ListUsers.class, UsersCommand.Show.class, UsersCommand.Promote.class, UsersCommand.Demote.class,
        UsersCommand.Activate.class, UsersCommand.Deactivate.class})
final class UsersCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a users command: list, show, promote, demote, activate or deactivate");
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
    String name = ((u.firstName() == null ? "" : u.firstName().value()) + " " + (u.lastName() == null ? "" : u.lastName().value())).strip();
    return List.of(u.id().toString(), u.workosUserId().value(), u.email().value(), name.isEmpty() ? "-" : name,
        u.active() ? "yes" : "no", u.admin() ? "yes" : "no", u.lastLoginAt() == null ? "never" : u.lastLoginAt().toString());
  }

  static final List<String> HEADER = List.of("ID", "WORKOS ID", "EMAIL", "NAME", "ACTIVE", "ADMIN", "LAST LOGIN");

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users, oldest first, a page at a time.")
  static final class ListUsers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--q", paramLabel = "PREFIX", description = "Prefix of the email, first name or last name.") String q;

    @Option(names = "--active", paramLabel = "true|false", arity = "1") Boolean active;

    @Option(names = "--admin", paramLabel = "true|false", arity = "1") Boolean admin;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (1-200; default 50).") int limit;

    @Option(names = "--cursor", description = "The next_cursor of the previous page.") String cursor;

    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      try (Wiring.UserAdmin admin = Wiring.userAdmin(DbCommand.settings(spec), Clock.systemUTC())) {
        ListUsersUseCase.Page page = admin.listUsers().listUsers(new ListUsersUseCase.Query(q, active, this.admin, limit, cursor));
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

    @Parameters(index = "0", paramLabel = "USER", description = "Id, WorkOS user id or email.") String user;

    @Option(names = "--json", description = "Print JSON.") boolean json;

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

    @Parameters(index = "0", paramLabel = "USER", description = "Id, WorkOS user id or email.") String user;

    @Option(names = "--json", description = "Print JSON.") boolean json;

    abstract ChangeUserAccessUseCase.Command command(UserReference reference);

    abstract String done();

    @Override
    public Integer call() {
      try (Wiring.UserAdmin admin = Wiring.userAdmin(DbCommand.settings(spec), Clock.systemUTC())) {
        User changed = admin.changeUserAccess().changeUserAccess(command(UserReference.parse(user)));
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Output.json(json(changed)) : done() + ": " + changed.email().value() + " (" + changed.id() + ")");
      }
      return RootCommand.OK;
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a user an admin.")
  static final class Promote extends Change {
    ChangeUserAccessUseCase.Command command(UserReference r) { return new ChangeUserAccessUseCase.Command(r, null, true); }
    String done() { return "promoted to admin"; }
  }

  @Command(name = "demote", mixinStandardHelpOptions = true, description = "Take admin rights away (never from the last active admin).")
  static final class Demote extends Change {
    ChangeUserAccessUseCase.Command command(UserReference r) { return new ChangeUserAccessUseCase.Command(r, null, false); }
    String done() { return "demoted"; }
  }

  @Command(name = "activate", mixinStandardHelpOptions = true, description = "Let a deactivated user sign in again.")
  static final class Activate extends Change {
    ChangeUserAccessUseCase.Command command(UserReference r) { return new ChangeUserAccessUseCase.Command(r, true, null); }
    String done() { return "activated"; }
  }

  @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Refuse a user's sign-ins (never the last active admin).")
  static final class Deactivate extends Change {
    ChangeUserAccessUseCase.Command command(UserReference r) { return new ChangeUserAccessUseCase.Command(r, false, null); }
    String done() { return "deactivated"; }
  }
}
