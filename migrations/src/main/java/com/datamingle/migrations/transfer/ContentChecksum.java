package com.datamingle.migrations.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A table's content as one number, computed the same way from the rows the import wrote and from
 * the rows read back from the target: each row's values in their canonical form, hashed with
 * SHA-256, and the first 8 bytes of the hashes summed (so the order in which each database returns
 * the rows does not matter, and a duplicated, lost or changed row changes the sum).
 */
final class ContentChecksum {
  private final MessageDigest sha;
  private final StringBuilder row = new StringBuilder(256);
  private long sum;
  private long rows;

  ContentChecksum() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  void add(ColumnType[] types, Object[] values) {
    row.setLength(0);
    for (int i = 0; i < values.length; i++) {
      String text = types[i].canonical(values[i]);
      row.append(text.length()).append(':').append(text);
    }
    byte[] hash = sha.digest(row.toString().getBytes(StandardCharsets.UTF_8));
    sum += ByteBuffer.wrap(hash, 0, 8).getLong();
    rows++;
  }

  long rows() {
    return rows;
  }

  /** The sum as 16 hexadecimal digits. */
  String hex() {
    return String.format("%016x", sum);
  }
}
