package com.datamingle.adapter.persistence.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Rows of {@code users} turned into one array per column, for statements that write many rows with
 * one fixed text on PostgreSQL ({@code unnest(...)}): MyBatis binds 14 parameters whatever the
 * number of rows, and PostgreSQL plans the statement once. Ids and times travel as text (cast in
 * the SQL); a time is rounded to the microsecond as the driver rounds a single value, so that an
 * optimistic comparison sees the same value either way.
 */
record UserColumns(
    String[] ids,
    String[] workosUserIds,
    String[] emails,
    String[] firstNames,
    String[] lastNames,
    String[] profilePictureUrls,
    Boolean[] active,
    Boolean[] admin,
    String[] timezones,
    String[] languages,
    String[] createdAt,
    String[] updatedAt,
    String[] lastLoginAt,
    String[] lastSessionIds) {

  static UserColumns of(List<UserRow> rows) {
    int n = rows.size();
    UserColumns c =
        new UserColumns(
            new String[n],
            new String[n],
            new String[n],
            new String[n],
            new String[n],
            new String[n],
            new Boolean[n],
            new Boolean[n],
            new String[n],
            new String[n],
            new String[n],
            new String[n],
            new String[n],
            new String[n]);
    for (int i = 0; i < n; i++) {
      UserRow row = rows.get(i);
      c.ids[i] = row.id().toString();
      c.workosUserIds[i] = row.workosUserId();
      c.emails[i] = row.email();
      c.firstNames[i] = row.firstName();
      c.lastNames[i] = row.lastName();
      c.profilePictureUrls[i] = row.profilePictureUrl();
      c.active[i] = row.isActive();
      c.admin[i] = row.isAdmin();
      c.timezones[i] = row.timezone();
      c.languages[i] = row.language();
      c.createdAt[i] = time(row.createdAt());
      c.updatedAt[i] = time(row.updatedAt());
      c.lastLoginAt[i] = time(row.lastLoginAt());
      c.lastSessionIds[i] = row.lastSessionId();
    }
    return c;
  }

  /** ISO-8601 in UTC, rounded half up to the microsecond (PostgreSQL keeps microseconds). */
  static String time(Instant at) {
    return at == null ? null : at.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
  }
}
