package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * The user's language: a well-formed BCP 47 tag such as {@code en} or {@code pt-BR}; {@code en} by
 * default.
 */
public record LanguagePreference(String tag) {
  public static final LanguagePreference DEFAULT = new LanguagePreference("en");

  public LanguagePreference {
    if (tag == null || tag.isBlank() || tag.length() > 35) {
      throw new InvalidValueException(
          "language", "language must be a BCP 47 tag such as en or pt-BR");
    }
    PlainText.check("language", tag.strip());
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
      if (locale.getLanguage().isEmpty()) {
        throw new IllformedLocaleException("no language subtag");
      }
      tag = locale.toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw new InvalidValueException(
          "language",
          "language '"
              + tag.strip()
              + "' is not a well-formed BCP 47 tag; use one such as en or pt-BR");
    }
  }

  @Override
  public String toString() {
    return tag;
  }
}
