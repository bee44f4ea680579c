package com.datamingle.migrations.scripts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a script's text with a byte-order mark dropped, line endings made LF and trailing
 * blanks of each line removed, so a checkout on another OS does not count as an edit; variables are
 * not substituted. Up and undo sections are both covered.
 */
final class Checksum {
  private Checksum() {}

  static String of(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    StringBuilder normalized = new StringBuilder(text.length());
    for (String line : text.split("\r\n|\r|\n", -1)) {
      normalized.append(line.stripTrailing()).append('\n');
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(normalized.toString().strip().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
