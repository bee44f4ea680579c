package com.datamingle.adapter.cli.command.users;

import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.domain.user.User;
import java.util.Map;
import java.util.Objects;

/**
 * A user as the {@code users} commands print it with --json: the API's {@code User} schema, which a
 * test holds it equal to; times in ISO-8601 UTC.
 */
final class UserJson {
  private UserJson() {}

  /** The value objects print their value; absent ones are null. */
  static Map<String, Object> of(User u) {
    Map<String, Object> o = Output.object();
    o.put("id", u.id().toString());
    o.put("workos_user_id", u.workosUserId().value());
    o.put("email", u.email().value());
    o.put("first_name", Objects.toString(u.firstName(), null));
    o.put("last_name", Objects.toString(u.lastName(), null));
    o.put("profile_picture_url", Objects.toString(u.profilePictureUrl(), null));
    o.put("is_active", u.active());
    o.put("is_admin", u.admin());
    o.put("timezone", u.timezone().id());
    o.put("language", u.language().tag());
    o.put("created_at", u.createdAt().toString());
    o.put("updated_at", u.updatedAt().toString());
    o.put("last_login_at", Objects.toString(u.lastLoginAt(), null));
    return o;
  }
}
