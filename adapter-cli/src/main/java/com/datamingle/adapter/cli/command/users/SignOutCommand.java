package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.bootstrap.AdminWiring;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.application.port.in.signout.SignOutUserUseCase;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code datamingle users sign-out USER}: refuses every token of the user issued until now, on
 * every running server, and ends the user's WorkOS sessions when WORKOS_API_KEY is set. Exit 1 when
 * WorkOS could not end them (the local sign-out holds).
 */
@Command(name = "sign-out", mixinStandardHelpOptions = true)
final class SignOutCommand extends Subcommand {

  @Mixin UserArgument user;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    SignOutUserUseCase.Result result;
    try (AdminWiring.UserAdmin users =
        AdminWiring.userAdmin(context.settings(), Clock.systemUTC())) {
      result = users.signOutUser().signOut(user.reference());
    }
    if (json.requested()) {
      Map<String, Object> o = Output.object();
      o.put("user", UserJson.of(result.user()));
      o.put("signed_out_at", result.signedOutAt().toString());
      if (result.providerSessionsRevoked() == null) {
        o.put("workos", null);
      } else {
        Map<String, Object> workos = Output.object();
        workos.put("revoked_sessions", result.providerSessionsRevoked());
        workos.put("error", result.providerFailure());
        o.put("workos", workos);
      }
      context.out().println(Output.json(o));
    } else {
      context
          .out()
          .println(
              "signed out: "
                  + result.user().email().value()
                  + " ("
                  + result.user().id()
                  + "); tokens issued up to "
                  + result.signedOutAt()
                  + " are refused by every server");
      if (result.providerSessionsRevoked() == null) {
        context
            .out()
            .println(
                "WorkOS sessions were not revoked (no WORKOS_API_KEY): the user can get new tokens"
                    + " until the sessions end; set WORKOS_API_KEY to revoke them too");
      } else if (result.providerFailure() == null) {
        context
            .out()
            .println("WorkOS: revoked " + result.providerSessionsRevoked() + " session(s)");
      }
    }
    if (result.providerFailure() != null) {
      context
          .err()
          .println(
              "could not revoke the WorkOS sessions ("
                  + result.providerFailure()
                  + ") after revoking "
                  + result.providerSessionsRevoked()
                  + "; the sign-out holds here, run the command again to end them at WorkOS");
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  }
}
