package com.datamingle.adapter.web.user;

import com.datamingle.adapter.web.auth.Principal;
import com.datamingle.adapter.web.error.RequestRejected;
import com.datamingle.application.port.in.profile.UpdateMyProfileUseCase;
import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.user.FieldUpdate;
import com.datamingle.domain.user.LanguagePreference;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.PictureUrl;
import com.datamingle.domain.user.ProfileUpdate;
import com.datamingle.domain.user.TimeZonePreference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code /api/me}: the signed-in user reads and edits their own profile. */
public final class MeRoutes {
  static final Set<String> EDITABLE =
      Set.of("first_name", "last_name", "profile_picture_url", "timezone", "language");
  static final Set<String> READ_ONLY =
      Set.of(
          "id",
          "workos_user_id",
          "email",
          "is_active",
          "is_admin",
          "created_at",
          "updated_at",
          "last_login_at");

  private final UpdateMyProfileUseCase updateMyProfile;
  private final JsonBody body;

  public MeRoutes(UpdateMyProfileUseCase updateMyProfile, ObjectMapper json) {
    this.updateMyProfile = updateMyProfile;
    this.body = new JsonBody(json);
  }

  /** GET /api/me: the access check has just resolved the caller, so this is that user. */
  public void get(Context ctx) {
    ctx.json(UserResponse.from(Principal.of(ctx).user()));
  }

  /** PATCH /api/me. */
  public void patch(Context ctx) {
    ObjectNode fields = body.object(ctx, EDITABLE, READ_ONLY);
    Map<String, String> errors = new LinkedHashMap<>();
    ProfileUpdate update =
        new ProfileUpdate(
            field(fields, "first_name", true, PersonName::new, errors),
            field(fields, "last_name", true, PersonName::new, errors),
            field(fields, "profile_picture_url", true, PictureUrl::new, errors),
            field(fields, "timezone", false, TimeZonePreference::parse, errors),
            field(fields, "language", false, LanguagePreference::new, errors));
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    var updated =
        updateMyProfile.updateMyProfile(
            new UpdateMyProfileUseCase.Command(Principal.of(ctx).user().id(), update));
    ctx.json(UserResponse.from(updated));
  }

  private static <T> FieldUpdate<T> field(
      ObjectNode fields,
      String name,
      boolean clearable,
      Function<String, T> parse,
      Map<String, String> errors) {
    if (!fields.has(name)) {
      return FieldUpdate.keep();
    }
    JsonNode value = fields.get(name);
    if (value.isNull()) {
      if (clearable) {
        return FieldUpdate.set(null);
      }
      errors.put(name, "cannot be null; give a value");
      return FieldUpdate.keep();
    }
    if (!value.isTextual()) {
      errors.put(name, "must be a string" + (clearable ? " or null" : ""));
      return FieldUpdate.keep();
    }
    try {
      return FieldUpdate.set(parse.apply(value.asText()));
    } catch (InvalidValueException e) {
      errors.put(name, e.getMessage());
      return FieldUpdate.keep();
    }
  }
}
