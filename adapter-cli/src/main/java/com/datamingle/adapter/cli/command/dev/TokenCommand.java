package com.datamingle.adapter.cli.command.dev;

import com.datamingle.adapter.cli.bootstrap.DevTokens;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.UsageFailure;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datamingle dev token --email ... [--admin]}. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bare access token that `serve --dev` accepts, so `$(datamingle dev token --email"
          + " you@example.com)` works.",
      "The same email is always the same user; with --admin that user is created now and made an"
          + " admin."
    })
final class TokenCommand extends Subcommand {

  @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Whose token.")
  String email;

  @Option(
      names = "--admin",
      description = "Make this user an admin (in the database DATABASE_URL names).")
  boolean admin;

  @Option(names = "--first-name", paramLabel = "NAME")
  String firstName;

  @Option(names = "--last-name", paramLabel = "NAME")
  String lastName;

  @Option(
      names = "--count",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Print N tokens, one per line, for N users: the email must then contain {n} (e.g."
              + " load{n}@example.com).")
  int count;

  @Option(
      names = "--ttl",
      paramLabel = "DURATION",
      defaultValue = "PT1H",
      description = "How long the token lasts, ISO-8601 (default PT1H; at most P1D).")
  String ttl;

  @Override
  public Integer call() {
    Duration lifetime = lifetime();
    if (count < 1 || count > 1_000_000) {
      throw new UsageFailure("--count must be between 1 and 1000000");
    }
    if (count > 1 && (!email.contains("{n}") || admin)) {
      throw new UsageFailure(
          "with --count, put {n} in --email (e.g. load{n}@example.com); --admin takes one user");
    }
    List<String> emails = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      emails.add(email.replace("{n}", Integer.toString(n)));
    }
    PrintWriter out = context.out();
    DevTokens.mint(
            context.settings(),
            DevTokens.DEV_DIR,
            new DevTokens.Request(emails, firstName, lastName, admin, lifetime),
            Clock.systemUTC())
        .forEach(out::println);
    return ExitCode.OK;
  }

  private Duration lifetime() {
    Duration lifetime;
    try {
      lifetime = Duration.parse(ttl);
    } catch (DateTimeParseException e) {
      throw new UsageFailure(
          "--ttl '" + ttl + "' is not an ISO-8601 duration such as PT1H or PT15M");
    }
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(1)) > 0) {
      throw new UsageFailure("--ttl must be more than zero and at most P1D");
    }
    return lifetime;
  }
}
