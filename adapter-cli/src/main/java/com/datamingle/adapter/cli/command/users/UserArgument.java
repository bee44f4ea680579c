package com.datamingle.adapter.cli.command.users;

import com.datamingle.application.port.in.admin.UserReference;
import picocli.CommandLine.Parameters;

/** The USER argument of the commands about one user, mixed in with {@code @Mixin}. */
final class UserArgument {
  @Parameters(index = "0", paramLabel = "USER", description = "Id, WorkOS user id or email.")
  private String user;

  /** The user named; a usage error when the text names none. */
  UserReference reference() {
    return UserReference.parse(user);
  }
}
