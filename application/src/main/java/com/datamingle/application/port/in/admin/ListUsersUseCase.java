package com.datamingle.application.port.in.admin;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import com.datamingle.domain.user.User;
import java.util.List;

/**
 * Use case: an admin lists users a page at a time, oldest first. Pages are cursor based: pass the
 * {@code nextCursor} of a page to get the next one; it stays valid while users are added.
 */
public interface ListUsersUseCase {
  int DEFAULT_LIMIT = 50;
  int MAX_LIMIT = 200;
  int MAX_QUERY_LENGTH = 254;

  Page listUsers(Query query);

  /**
   * Filters: {@code text} matches the start of the email, first name or last name, ignoring case
   * (plain text: what no name can hold is refused, not searched for); {@code active} and {@code
   * admin} match the flags; null means any.
   */
  record Query(String text, Boolean active, Boolean admin, int limit, String cursor) {
    public Query {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new InvalidValueException(
            "limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
      }
      if (text != null && text.length() > MAX_QUERY_LENGTH) {
        throw new InvalidValueException(
            "q", "q must be at most " + MAX_QUERY_LENGTH + " characters");
      }
      PlainText.check("q", text);
      if (text != null && text.isBlank()) {
        text = null;
      }
    }

    public static Query firstPage() {
      return new Query(null, null, null, DEFAULT_LIMIT, null);
    }
  }

  /** One page; {@code nextCursor} is null on the last page. */
  record Page(List<User> users, String nextCursor) {
    public Page {
      users = List.copyOf(users);
    }
  }
}
