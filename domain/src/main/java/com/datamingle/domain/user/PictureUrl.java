package com.datamingle.domain.user;

import com.datamingle.domain.InvalidValueException;
import com.datamingle.domain.PlainText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http(s) URL of a profile picture, at most 2048 characters. */
public record PictureUrl(String value) {
  public static final int MAX_LENGTH = 2048;

  public PictureUrl {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(
          "profile_picture_url", "profile_picture_url must not be blank");
    }
    value = value.strip();
    PlainText.check("profile_picture_url", value);
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          "profile_picture_url",
          "profile_picture_url must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidValueException(
          "profile_picture_url", "profile_picture_url is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getHost().isEmpty()) {
      throw new InvalidValueException(
          "profile_picture_url",
          "profile_picture_url must be an absolute http(s) URL such as https://example.com/me.png");
    }
  }

  public static PictureUrl ofNullable(String value) {
    return value == null || value.isBlank() ? null : new PictureUrl(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
