package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.LanguagePreference;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.PictureUrl;
import com.datamingle.domain.user.TimeZonePreference;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import com.datamingle.migrations.transfer.ValueRules;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The domain's rules for the text of imported users, so an import stores only users the service can
 * load: the same value objects check and normalise each column. Other tables pass unchanged.
 */
final class DomainValueRules implements ValueRules {

  @Override
  public UnaryOperator<String> rule(String table, String column) {
    if (!table.equalsIgnoreCase("users")) {
      return null;
    }
    UnaryOperator<String> rule = rule(column.toLowerCase(Locale.ROOT));
    if (rule == null) {
      return null;
    }
    return value -> {
      try {
        return rule.apply(value);
      } catch (InvalidValueException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    };
  }

  private static UnaryOperator<String> rule(String column) {
    return switch (column) {
      case "workos_user_id" -> v -> new WorkOsUserId(v).value();
      case "email" -> v -> new Email(v).value();
      case "first_name", "last_name" -> v -> name(PersonName.ofNullable(v));
      case "profile_picture_url" -> v -> picture(PictureUrl.ofNullable(v));
      case "timezone" -> remembered(v -> TimeZonePreference.parse(v).id());
      case "language" -> remembered(v -> new LanguagePreference(v).tag());
      case "last_session_id" -> DomainValueRules::sessionId;
      default -> null;
    };
  }

  /**
   * A rule for a column with few distinct values (time zones, languages), checked once per value:
   * each answer (the stored form, or the refusal) is remembered, up to 10,000 values.
   */
  private static UnaryOperator<String> remembered(UnaryOperator<String> rule) {
    java.util.Map<String, Object> seen = new java.util.HashMap<>();
    return value -> {
      Object known = seen.get(value);
      if (known == null) {
        try {
          known = rule.apply(value);
        } catch (InvalidValueException e) {
          known = e;
        }
        if (seen.size() < 10_000) {
          seen.put(value, known);
        }
      }
      if (known instanceof InvalidValueException e) {
        throw e;
      }
      return (String) known;
    };
  }

  private static String name(PersonName name) {
    return name == null ? null : name.value();
  }

  private static String picture(PictureUrl url) {
    return url == null ? null : url.value();
  }

  private static String sessionId(String value) {
    if (value != null && (value.isBlank() || value.length() > User.MAX_SESSION_ID_LENGTH)) {
      throw new InvalidValueException(
          "last_session_id",
          "a session id must be 1 to " + User.MAX_SESSION_ID_LENGTH + " characters");
    }
    return value;
  }

  @Override
  public Optional<Fallback> fallback(String table, String column) {
    if (!table.equalsIgnoreCase("users")) {
      return Optional.empty();
    }
    return switch (column.toLowerCase(Locale.ROOT)) {
      case "timezone" -> Optional.of(new Fallback(TimeZonePreference.DEFAULT.id()));
      case "language" -> Optional.of(new Fallback(LanguagePreference.DEFAULT.tag()));
      case "first_name", "last_name", "profile_picture_url", "last_session_id" ->
          Optional.of(new Fallback(null));
      default -> Optional.empty();
    };
  }
}
