package com.datamingle.migrations.transfer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A table's content as one number, computed the same way from the rows the import wrote and from
 * the rows read back from the target. Each value, in its type's Java form, is hashed to 64 bits
 * (strings over their UTF-16 chars, times as epoch milliseconds, flags as two constants, null as a
 * third), a row's values are chained in column order, and the row hashes are summed, so the order
 * in which a database returns the rows does not matter while a lost, doubled or changed row (or two
 * values swapped between columns) changes the sum. It guards against faults, not against someone
 * forging rows: a 64-bit mix (MurmurHash3's finaliser) is enough for that and costs a fraction of a
 * cryptographic hash.
 */
final class ContentChecksum {
  private static final long NULL = 0x6A09E667F3BCC908L;
  private static final long TRUE = 0xBB67AE8584CAA73BL;
  private static final long FALSE = 0x3C6EF372FE94F82BL;
  private long sum;
  private long rows;

  void add(Object[] values) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < values.length; i++) {
      h = mix(h * 0x9E3779B97F4A7C15L + value(values[i]));
    }
    sum += h;
    rows++;
  }

  private static long value(Object v) {
    if (v == null) {
      return NULL;
    }
    if (v instanceof String s) {
      long h = 0xCBF29CE484222325L;
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0x100000001B3L;
      }
      return mix(h ^ s.length());
    }
    if (v instanceof Boolean b) {
      return b ? TRUE : FALSE;
    }
    if (v instanceof Instant at) {
      return mix(at.toEpochMilli() ^ 0x510E527FADE682D1L);
    }
    if (v instanceof Long n) {
      return mix(n);
    }
    if (v instanceof Double d) {
      return mix(Double.doubleToLongBits(d) ^ 0x1F83D9ABFB41BD6BL);
    }
    return value(((BigDecimal) v).stripTrailingZeros().toPlainString() + "#decimal");
  }

  /** MurmurHash3's 64-bit finaliser. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xFF51AFD7ED558CCDL;
    k ^= k >>> 33;
    k *= 0xC4CEB93FE1A85EC3L;
    k ^= k >>> 33;
    return k;
  }

  long rows() {
    return rows;
  }

  /** The sum as 16 hexadecimal digits. */
  String hex() {
    return String.format("%016x", sum);
  }
}
