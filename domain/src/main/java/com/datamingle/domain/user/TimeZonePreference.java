package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The user's time zone: a real IANA zone id such as {@code Europe/Paris}; {@code UTC} by default.
 */
public record TimeZonePreference(ZoneId zone) {
  public static final TimeZonePreference DEFAULT = new TimeZonePreference(ZoneId.of("UTC"));

  public TimeZonePreference {
    if (zone == null) {
      throw new InvalidValueException("timezone", "timezone is required");
    }
  }

  public static TimeZonePreference parse(String id) {
    if (id == null || id.isBlank() || id.length() > 64) {
      throw new InvalidValueException(
          "timezone", "timezone must be an IANA zone such as Europe/Paris or UTC");
    }
    PlainText.check("timezone", id.strip());
    try {
      return new TimeZonePreference(ZoneId.of(id.strip()));
    } catch (DateTimeException e) {
      throw new InvalidValueException(
          "timezone",
          "timezone '"
              + id.strip()
              + "' is not a known IANA zone; use one such as Europe/Paris or UTC");
    }
  }

  public String id() {
    return zone.getId();
  }

  @Override
  public String toString() {
    return id();
  }
}
