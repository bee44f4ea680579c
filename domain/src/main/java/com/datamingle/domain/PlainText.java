package com.datamingle.domain;

/**
 * The invariant every piece of text the service stores or searches by holds: no control characters
 * (NUL, line breaks, escape sequences, the C1 range) and no broken UTF-16 surrogate pair. A name, a
 * time zone or an event id never needs them, PostgreSQL cannot store NUL at all, and a lone
 * surrogate has no UTF-8 form (a driver would silently write '?'); refusing both here gives the
 * same answer on every database instead of a database error.
 */
public final class PlainText {
  private PlainText() {}

  /**
   * What is wrong with the text, as the end of a sentence ("must not ..."), or null when nothing
   * is.
   */
  public static String flaw(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return "must not contain control characters (such as NUL or a line break)";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must be valid Unicode text (it has a broken surrogate pair)";
      }
    }
    return null;
  }

  /**
   * @throws InvalidValueException naming {@code field} when the text has a flaw
   */
  public static void check(String field, String text) {
    String flaw = flaw(text);
    if (flaw != null) {
      throw new InvalidValueException(field, field + " " + flaw);
    }
  }
}
