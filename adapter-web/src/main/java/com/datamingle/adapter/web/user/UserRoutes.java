package com.datamingle.adapter.web.user;

import com.datamingle.adapter.web.error.RequestRejected;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.GetUserUseCase;
import com.datamingle.application.port.in.admin.ListUsersUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.port.in.signout.SignOutUserUseCase;
import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import com.datamingle.domain.user.UserId;
import com.datamingle.domain.user.UserNotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/users}: admins list, read and change users. */
public final class UserRoutes {
  static final Set<String> EDITABLE = Set.of("is_active", "is_admin");
  static final Set<String> READ_ONLY =
      Set.of(
          "id",
          "workos_user_id",
          "email",
          "first_name",
          "last_name",
          "profile_picture_url",
          "timezone",
          "language",
          "created_at",
          "updated_at",
          "last_login_at");
  private static final Set<String> QUERY_PARAMETERS =
      Set.of("limit", "cursor", "q", "active", "admin");

  private final ListUsersUseCase listUsers;
  private final GetUserUseCase getUser;
  private final ChangeUserAccessUseCase changeUserAccess;
  private final SignOutUserUseCase signOutUser;
  private final JsonBody body;

  public UserRoutes(
      ListUsersUseCase listUsers,
      GetUserUseCase getUser,
      ChangeUserAccessUseCase changeUserAccess,
      SignOutUserUseCase signOutUser,
      ObjectMapper json) {
    this.listUsers = listUsers;
    this.getUser = getUser;
    this.changeUserAccess = changeUserAccess;
    this.signOutUser = signOutUser;
    this.body = new JsonBody(json);
  }

  /** GET /api/users?limit=&cursor=&q=&active=&admin=. */
  public void list(Context ctx) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String name : ctx.queryParamMap().keySet()) {
      if (!QUERY_PARAMETERS.contains(name)) {
        errors.put(
            name.length() > 64 ? name.substring(0, 64) + "..." : name,
            "is not a known parameter; use limit, cursor, q, active or admin");
      }
    }
    for (var entry : ctx.queryParamMap().entrySet()) {
      if (entry.getValue().size() > 1 && QUERY_PARAMETERS.contains(entry.getKey())) {
        errors.put(entry.getKey(), "give it once");
      }
    }
    int limit = ListUsersUseCase.DEFAULT_LIMIT;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
        if (limit < 1 || limit > ListUsersUseCase.MAX_LIMIT) {
          errors.put("limit", "must be between 1 and " + ListUsersUseCase.MAX_LIMIT);
        }
      } catch (NumberFormatException e) {
        errors.put("limit", "must be a whole number between 1 and " + ListUsersUseCase.MAX_LIMIT);
      }
    }
    Boolean active = flag(ctx, "active", errors);
    Boolean admin = flag(ctx, "admin", errors);
    String q = ctx.queryParam("q");
    if (q != null && q.length() > ListUsersUseCase.MAX_QUERY_LENGTH) {
      errors.put("q", "must be at most " + ListUsersUseCase.MAX_QUERY_LENGTH + " characters");
    } else if (PlainText.flaw(q) != null) {
      errors.put("q", PlainText.flaw(q));
    }
    String cursor = ctx.queryParam("cursor");
    if (cursor != null && cursor.length() > 200) {
      errors.put("cursor", "is not a cursor this service issued; start again without a cursor");
    }
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    var page = listUsers.listUsers(new ListUsersUseCase.Query(q, active, admin, limit, cursor));
    ctx.json(
        new UserPageResponse(
            page.users().stream().map(UserResponse::from).toList(), page.nextCursor()));
  }

  /** GET /api/users/{id}. */
  public void get(Context ctx) {
    ctx.json(UserResponse.from(getUser.getUser(new UserReference.ById(pathId(ctx)))));
  }

  /** PATCH /api/users/{id}: {@code is_active} and {@code is_admin}. */
  public void patch(Context ctx) {
    UserId id = pathId(ctx);
    ObjectNode fields = body.object(ctx, EDITABLE, READ_ONLY);
    Map<String, String> errors = new LinkedHashMap<>();
    Boolean active = bool(fields, "is_active", errors);
    Boolean admin = bool(fields, "is_admin", errors);
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    var changed =
        changeUserAccess.changeUserAccess(
            new ChangeUserAccessUseCase.Command(new UserReference.ById(id), active, admin));
    ctx.json(UserResponse.from(changed));
  }

  /**
   * POST /api/users/{id}/sign-out: every token of the user issued until now is refused on every
   * instance; with WORKOS_API_KEY, WorkOS ends the user's sessions too ({@code workos} says how
   * that went: {@code revoked} sessions, or the {@code error}; null without an API key).
   */
  public void signOut(Context ctx) {
    var result = signOutUser.signOut(new UserReference.ById(pathId(ctx)));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("user", UserResponse.from(result.user()));
    answer.put("signed_out_at", result.signedOutAt().toString());
    if (result.providerSessionsRevoked() == null) {
      answer.put("workos", null);
    } else {
      Map<String, Object> workos = new LinkedHashMap<>();
      workos.put("revoked_sessions", result.providerSessionsRevoked());
      workos.put("error", result.providerFailure());
      answer.put("workos", workos);
    }
    ctx.json(answer);
  }

  /** An id that is not a UUID cannot name a user: 404, like any unknown id. */
  private static UserId pathId(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      return UserId.parse(text);
    } catch (InvalidValueException e) {
      throw new UserNotFound(text.length() > 64 ? text.substring(0, 64) + "..." : text);
    }
  }

  private static Boolean flag(Context ctx, String name, Map<String, String> errors) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return null;
    }
    if (List.of("true", "false").contains(text)) {
      return Boolean.valueOf(text);
    }
    errors.put(name, "must be true or false");
    return null;
  }

  private static Boolean bool(ObjectNode fields, String name, Map<String, String> errors) {
    JsonNode value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      errors.put(name, "must be true or false");
      return null;
    }
    return value.booleanValue();
  }
}
