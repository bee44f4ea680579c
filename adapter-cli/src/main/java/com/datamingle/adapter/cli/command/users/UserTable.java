package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.domain.user.User;
import java.io.PrintWriter;
import java.util.List;

/** Users as the {@code users} commands print them without --json: one row each. */
final class UserTable {
  private UserTable() {}

  private static final List<String> HEADER =
      List.of("ID", "WORKOS ID", "EMAIL", "NAME", "ACTIVE", "ADMIN", "LAST LOGIN");

  static void print(PrintWriter out, List<User> users) {
    Output.table(out, HEADER, users.stream().map(UserTable::row).toList());
  }

  private static List<String> row(User u) {
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
}
