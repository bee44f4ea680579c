package com.datamingle.migrations.transfer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A table's content as one number, computed the same way from the rows the import wrote and from
 * the rows in the target. Each row is written out as text (per value: its UTF-8 length, a colon,
 * the value and a semicolon; null as {@code N;}; strings and UUIDs as they are, flags as t/f, times
 * as epoch milliseconds, integers in decimal), the first 64 bits of the MD5 of that text are taken
 * as a signed number, and the numbers of all rows are summed modulo 2^64. So the order in which a
 * database returns the rows does not matter, while a lost, doubled or changed row (or two values
 * swapped between columns) changes the sum. PostgreSQL computes the same sum in SQL ({@link #sql}),
 * so the target's side needs no row sent back to Java. It guards against faults, not against
 * someone forging rows.
 */
final class ContentChecksum {
  /** The types whose text form PostgreSQL writes exactly as {@link #add} does. */
  private static final Set<ColumnType> IN_SQL =
      Set.of(
          ColumnType.TEXT,
          ColumnType.UUID,
          ColumnType.BOOLEAN,
          ColumnType.TIMESTAMP,
          ColumnType.INTEGER);

  private static final byte[] NULL = {'N', ';'};
  private static final byte[] TRUE = {'t'};
  private static final byte[] FALSE = {'f'};
  private static final byte[] COLON = {':'};
  private static final byte[] SEMICOLON = {';'};
  private final MessageDigest md5;
  private byte[] row = new byte[512];
  private int length;
  private long sum;
  private long rows;

  ContentChecksum() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no MD5", e);
    }
  }

  void add(Object[] values) {
    length = 0;
    for (Object value : values) {
      field(value);
    }
    md5.update(row, 0, length);
    byte[] digest = md5.digest();
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (digest[i] & 0xFF);
    }
    sum += h;
    rows++;
  }

  private void field(Object v) {
    if (v == null) {
      append(NULL, NULL.length);
      return;
    }
    byte[] text;
    if (v instanceof String s) {
      text = s.getBytes(StandardCharsets.UTF_8);
    } else if (v instanceof Boolean b) {
      text = b ? TRUE : FALSE;
    } else if (v instanceof Instant at) {
      text = ascii(Long.toString(at.toEpochMilli()));
    } else if (v instanceof BigDecimal d) {
      text = ascii(d.stripTrailingZeros().toPlainString());
    } else {
      text = ascii(v.toString());
    }
    byte[] size = ascii(Integer.toString(text.length));
    append(size, size.length);
    append(COLON, 1);
    append(text, text.length);
    append(SEMICOLON, 1);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private void append(byte[] bytes, int n) {
    if (length + n > row.length) {
      row = Arrays.copyOf(row, Math.max(row.length * 2, length + n));
    }
    System.arraycopy(bytes, 0, row, length, n);
    length += n;
  }

  long rows() {
    return rows;
  }

  /** The sum as 16 hexadecimal digits. */
  String hex() {
    return hex(sum);
  }

  static String hex(long sum) {
    return String.format("%016x", sum);
  }

  /** The sum PostgreSQL returned for {@link #sql}'s query, as {@link #hex} writes it. */
  static String hex(String sqlSum) {
    return hex(new BigInteger(sqlSum).longValue());
  }

  /**
   * A PostgreSQL (UTF-8) query giving the row count and the sum of {@code table} as {@link #add}
   * computes it, or null when a column's type has no such text form here (REAL, DECIMAL).
   */
  static String sql(String table, List<Layout.Column> columns) {
    StringBuilder text = new StringBuilder();
    for (Layout.Column column : columns) {
      if (!IN_SQL.contains(column.type())) {
        return null;
      }
      String c = Layout.quote(column.name());
      String value =
          switch (column.type()) {
            case BOOLEAN -> "CASE WHEN " + c + " THEN 't' WHEN NOT " + c + " THEN 'f' END";
            case TIMESTAMP -> "floor(extract(epoch from " + c + ") * 1000)::bigint::text";
            default -> c + "::text";
          };
      text.append(text.isEmpty() ? "" : " || ")
          .append("coalesce(octet_length(")
          .append(value)
          .append(") || ':' || ")
          .append(value)
          .append(" || ';', 'N;')");
    }
    String hash = "('x' || substr(md5(" + text + "), 1, 16))::bit(64)::bigint";
    return "SELECT count(*), coalesce(sum(" + hash + "), 0)::text FROM " + Layout.quote(table);
  }
}
