package com.datamingle.migrations.transfer;

import com.datamingle.migrations.database.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into one target table inside the import's transaction, by each database's bulk path:
 * PostgreSQL's {@code COPY ... FROM STDIN} (text format) through pgjdbc's CopyManager, SQLite's
 * batched prepared inserts.
 */
abstract class RowSink {
  abstract void write(Object[] values) throws SQLException;

  /** Ends the table; returns the rows written. */
  abstract long finish() throws SQLException;

  /** Gives up a table half-written (the transaction is then rolled back). */
  abstract void abort();

  /** Ends a COPY half-way; the rollback that follows discards its rows. */
  static void cancel(CopyIn copy) {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException ignored) {
      // the rollback that follows discards the rows either way
    }
  }

  static RowSink open(Connection connection, Dialect dialect, TablePlan plan, ColumnType[] types)
      throws SQLException {
    List<String> columns = plan.written().stream().map(c -> Layout.quote(c.name())).toList();
    String into = Layout.quote(plan.name()) + " (" + String.join(", ", columns) + ")";
    if (dialect == Dialect.POSTGRESQL) {
      int[] widths = BinaryCopy.widths(plan.written());
      CopyIn copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY " + into + " FROM STDIN" + (widths == null ? "" : " (FORMAT binary)"));
      return widths == null ? new Copy(copy, types) : new BinaryCopy(copy, types, widths);
    }
    String marks = String.join(", ", columns.stream().map(c -> "?").toList());
    return new Batch(
        connection.prepareStatement("INSERT INTO " + into + " VALUES (" + marks + ")"), types);
  }

  /**
   * COPY's text format, for tables with a column binary COPY is not written for here:
   * tab-separated, \N for null, backslash escapes.
   */
  private static final class Copy extends RowSink {
    private static final int FLUSH_AT = 1 << 16;
    private final CopyIn copy;
    private final ColumnType[] types;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    Copy(CopyIn copy, ColumnType[] types) {
      this.copy = copy;
      this.types = types;
    }

    @Override
    void write(Object[] values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          buffer.append('\t');
        }
        field(values[i], types[i]);
      }
      buffer.append('\n');
      if (buffer.length() >= FLUSH_AT) {
        flush();
      }
    }

    private void field(Object value, ColumnType type) {
      if (value == null) {
        buffer.append("\\N");
        return;
      }
      switch (type) {
        case BOOLEAN -> buffer.append(((Boolean) value) ? 't' : 'f');
        case TIMESTAMP -> buffer.append((Instant) value);
        case DECIMAL -> buffer.append(((java.math.BigDecimal) value).toPlainString());
        case TEXT -> escape(value.toString());
        default -> buffer.append(value);
      }
    }

    private void escape(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\' -> buffer.append("\\\\");
          case '\t' -> buffer.append("\\t");
          case '\n' -> buffer.append("\\n");
          case '\r' -> buffer.append("\\r");
          default -> buffer.append(c);
        }
      }
    }

    private void flush() throws SQLException {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      buffer.setLength(0);
      copy.writeToCopy(bytes, 0, bytes.length);
    }

    @Override
    long finish() throws SQLException {
      flush();
      return copy.endCopy();
    }

    @Override
    void abort() {
      cancel(copy);
    }
  }

  /** Prepared inserts sent a thousand at a time. */
  private static final class Batch extends RowSink {
    private static final int SIZE = 1000;
    private final PreparedStatement insert;
    private final ColumnType[] types;
    private int pending;
    private long written;

    Batch(PreparedStatement insert, ColumnType[] types) {
      this.insert = insert;
      this.types = types;
    }

    @Override
    void write(Object[] values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        int at = i + 1;
        if (v == null) {
          insert.setNull(at, Types.NULL);
        } else {
          switch (types[i]) {
            case BOOLEAN -> insert.setInt(at, ((Boolean) v) ? 1 : 0);
            case TIMESTAMP -> insert.setLong(at, ((Instant) v).toEpochMilli());
            case INTEGER -> insert.setLong(at, (Long) v);
            case REAL -> insert.setDouble(at, (Double) v);
            case DECIMAL -> insert.setString(at, ((java.math.BigDecimal) v).toPlainString());
            default -> insert.setString(at, v.toString());
          }
        }
      }
      insert.addBatch();
      if (++pending == SIZE) {
        send();
      }
    }

    private void send() throws SQLException {
      insert.executeBatch();
      written += pending;
      pending = 0;
    }

    @Override
    long finish() throws SQLException {
      try {
        send();
        return written;
      } finally {
        insert.close();
      }
    }

    @Override
    void abort() {
      try {
        insert.close();
      } catch (SQLException ignored) {
        // the rollback that follows discards the rows either way
      }
    }
  }
}
