package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as WorkOS reports it, trimmed and lower-cased so that lookups and prefix
 * searches do not depend on how the identity provider capitalised it. At most 254 characters (RFC
 * 5321), a local part of at most 64, and a domain with at least one dot.
 */
public record Email(String value) {
  public static final int MAX_LENGTH = 254;
  private static final Pattern FORMAT =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
              + "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  public Email {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("email", "email is required");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          "email", "email must be at most " + MAX_LENGTH + " characters, got " + value.length());
    }
    if (!FORMAT.matcher(value).matches()
        || value.startsWith(".")
        || value.contains("..")
        || value.indexOf('@') > 0 && value.charAt(value.indexOf('@') - 1) == '.') {
      throw new InvalidValueException("email", "email must look like name@example.com");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
