package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import java.util.Objects;

/**
 * What a user may change about themselves: names, picture, time zone and language. Email comes from
 * the identity provider and the flags from an admin, so neither is here.
 */
public record ProfileUpdate(
    FieldUpdate<PersonName> firstName,
    FieldUpdate<PersonName> lastName,
    FieldUpdate<PictureUrl> profilePictureUrl,
    FieldUpdate<TimeZonePreference> timezone,
    FieldUpdate<LanguagePreference> language) {

  public ProfileUpdate {
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(profilePictureUrl, "profilePictureUrl");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(language, "language");
    if (timezone instanceof FieldUpdate.Set<TimeZonePreference> set && set.value() == null) {
      throw new InvalidValueException(
          "timezone", "timezone cannot be cleared; set an IANA zone such as UTC");
    }
    if (language instanceof FieldUpdate.Set<LanguagePreference> set && set.value() == null) {
      throw new InvalidValueException(
          "language", "language cannot be cleared; set a BCP 47 tag such as en");
    }
  }

  public static ProfileUpdate nothing() {
    return new ProfileUpdate(
        FieldUpdate.keep(),
        FieldUpdate.keep(),
        FieldUpdate.keep(),
        FieldUpdate.keep(),
        FieldUpdate.keep());
  }

  public ProfileUpdate withFirstName(PersonName value) {
    return new ProfileUpdate(
        FieldUpdate.set(value), lastName, profilePictureUrl, timezone, language);
  }

  public ProfileUpdate withLastName(PersonName value) {
    return new ProfileUpdate(
        firstName, FieldUpdate.set(value), profilePictureUrl, timezone, language);
  }

  public ProfileUpdate withProfilePictureUrl(PictureUrl value) {
    return new ProfileUpdate(firstName, lastName, FieldUpdate.set(value), timezone, language);
  }

  public ProfileUpdate withTimezone(TimeZonePreference value) {
    return new ProfileUpdate(
        firstName, lastName, profilePictureUrl, FieldUpdate.set(value), language);
  }

  public ProfileUpdate withLanguage(LanguagePreference value) {
    return new ProfileUpdate(
        firstName, lastName, profilePictureUrl, timezone, FieldUpdate.set(value));
  }
}
