package com.datamingle.migrations.transfer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads a PostgreSQL table back through {@code COPY ... TO STDOUT (FORMAT binary)}, the format
 * {@link BinaryCopy} writes: the server sends its values without formatting them as text, and the
 * import decodes them into the same Java forms the checksum was computed from.
 */
final class BinaryCopyOut {
  private static final long EPOCH_2000_MICROS = 946_684_800_000_000L;
  private static final int HEADER = 19;

  private BinaryCopyOut() {}

  /** Feeds every row of {@code table}'s {@code columns} to {@code checksum}. */
  static void read(
      Connection connection,
      String table,
      List<Layout.Column> columns,
      int[] widths,
      ContentChecksum checksum)
      throws SQLException {
    String select =
        "COPY (SELECT "
            + String.join(", ", columns.stream().map(c -> Layout.quote(c.name())).toList())
            + " FROM "
            + Layout.quote(table)
            + ") TO STDOUT (FORMAT binary)";
    CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(select);
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream(copy)))) {
      in.skipNBytes(HEADER);
      Object[] values = new Object[columns.size()];
      while (true) {
        short fields = in.readShort();
        if (fields == -1) {
          in.transferTo(java.io.OutputStream.nullOutputStream()); // to the COPY's end
          break;
        }
        for (int i = 0; i < fields; i++) {
          values[i] = value(in, columns.get(i).type(), widths[i]);
        }
        checksum.add(values);
      }
    } catch (IOException e) {
      throw new SQLException("reading " + table + " back failed: " + e.getMessage(), e);
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static Object value(DataInputStream in, ColumnType type, int width) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    return switch (type) {
      case TEXT -> new String(in.readNBytes(length), StandardCharsets.UTF_8);
      case UUID -> new UUID(in.readLong(), in.readLong()).toString();
      case BOOLEAN -> in.readByte() != 0;
      case TIMESTAMP -> {
        long micros = in.readLong() + EPOCH_2000_MICROS;
        yield Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
      }
      case INTEGER ->
          width == 8 ? in.readLong() : width == 4 ? (long) in.readInt() : in.readShort();
      case REAL -> width == 8 ? in.readDouble() : (double) in.readFloat();
      case DECIMAL -> throw new IOException("no binary form read for " + type);
    };
  }

  /** The COPY's data messages as one stream. */
  private static InputStream stream(CopyOut copy) {
    return new InputStream() {
      private byte[] chunk = new byte[0];
      private int at;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        while (at >= chunk.length) {
          try {
            chunk = copy.readFromCopy();
          } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
          }
          at = 0;
          if (chunk == null) {
            chunk = new byte[0];
            return -1;
          }
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
      }
    };
  }
}
