package com.datamingle.application.service;

import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.out.UserRepository;
import com.datamingle.application.port.out.UserSearch;
import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Keyset pagination in id order: a cursor is the id of the last user of the previous page, encoded
 * so that clients treat it as opaque. Fetches one extra row to know if a next page exists.
 */
final class ListUsersService implements ListUsersUseCase {
  private static final String CURSOR_PREFIX = "u1:";
  private final UserRepository users;

  ListUsersService(UserRepository users) {
    this.users = users;
  }

  @Override
  public Page listUsers(Query query) {
    UserId after = query.cursor() == null ? null : decode(query.cursor());
    String prefix = query.text() == null ? null : query.text().strip().toLowerCase(Locale.ROOT);
    List<User> rows =
        users.search(
            new UserSearch(prefix, query.active(), query.admin(), after, query.limit() + 1));
    if (rows.size() <= query.limit()) {
      return new Page(rows, null);
    }
    List<User> page = rows.subList(0, query.limit());
    return new Page(page, encode(page.get(page.size() - 1).id()));
  }

  static String encode(UserId id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.US_ASCII));
  }

  static UserId decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (!text.startsWith(CURSOR_PREFIX)) {
        throw new IllegalArgumentException("prefix");
      }
      return UserId.parse(text.substring(CURSOR_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(
          "cursor", "cursor is not one this service issued; start again without a cursor");
    }
  }
}
