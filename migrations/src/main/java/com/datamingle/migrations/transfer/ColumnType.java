package com.datamingle.migrations.transfer;

import com.datamingle.migrations.database.Dialect;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;

/**
 * What a target column holds, whatever each database calls it. A value is read from either database
 * into one Java form per type (text and UUIDs as String, flags as Boolean, times as Instant to the
 * millisecond, whole numbers as Long, decimals as BigDecimal, reals as Double); the import writes
 * that form and the checksum is computed from it on both sides.
 */
enum ColumnType {
  TEXT,
  UUID,
  BOOLEAN,
  TIMESTAMP,
  INTEGER,
  DECIMAL,
  REAL;

  /** Naive SQLite text times (Python's str(datetime)): UTC, a space or a T, optional fraction. */
  private static final DateTimeFormatter NAIVE =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  /**
   * The type of a column as a database's catalog declares it; null when the import cannot copy it.
   */
  static ColumnType ofDeclared(String declared) {
    String t = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
    if (t.equals("uuid")) {
      return UUID;
    }
    if (t.startsWith("bool")) {
      return BOOLEAN;
    }
    if (t.startsWith("timestamp") || t.startsWith("datetime")) {
      return TIMESTAMP;
    }
    if (t.contains("char") || t.equals("text") || t.equals("clob")) {
      return TEXT;
    }
    if (t.contains("int")) {
      return INTEGER;
    }
    if (t.startsWith("numeric") || t.startsWith("decimal")) {
      return DECIMAL;
    }
    if (t.startsWith("real") || t.startsWith("double") || t.startsWith("float")) {
      return REAL;
    }
    return null;
  }

  /**
   * The select-list expression that reads column {@code quoted} for {@link #read}: PostgreSQL times
   * come as epoch microseconds (the server converts them much faster than the driver parses their
   * text; a {@code timestamp} without zone counts as UTC, as the prototype wrote it).
   */
  String select(String quoted, Dialect dialect) {
    if (this == TIMESTAMP && dialect == Dialect.POSTGRESQL) {
      return "(extract(epoch from " + quoted + ") * 1000000)::bigint";
    }
    return quoted;
  }

  /**
   * Reads column {@code i}, selected with {@link #select}, into this type's Java form; throws
   * {@link IllegalArgumentException} saying why a value cannot be one.
   */
  Object read(ResultSet rs, int i, Dialect dialect) throws SQLException {
    if (this == TEXT) {
      return rs.getString(i);
    }
    if (this == UUID) {
      return convert(rs.getString(i));
    }
    if (dialect == Dialect.POSTGRESQL && (this == BOOLEAN || this == TIMESTAMP)) {
      boolean flag = this == BOOLEAN && rs.getBoolean(i);
      long micros = this == TIMESTAMP ? rs.getLong(i) : 0;
      if (rs.wasNull()) {
        return null;
      }
      return this == BOOLEAN
          ? flag
          : Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
    return convert(rs.getObject(i));
  }

  /** A value of any JDBC form in this type's Java form. */
  Object convert(Object raw) {
    if (raw == null) {
      return null;
    }
    return switch (this) {
      case TEXT -> raw.toString();
      case UUID -> java.util.UUID.fromString(raw.toString().strip()).toString();
      case BOOLEAN -> flag(raw);
      case TIMESTAMP -> instant(raw);
      case INTEGER -> raw instanceof Number n ? n.longValue() : Long.parseLong(raw.toString());
      case DECIMAL -> new BigDecimal(raw.toString()).stripTrailingZeros();
      case REAL -> raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString());
    };
  }

  private static Boolean flag(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    String s = raw.toString().strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "1", "t", "true", "y", "yes" -> true;
      case "0", "f", "false", "n", "no" -> false;
      default -> throw new IllegalArgumentException("'" + raw + "' is not a true/false flag");
    };
  }

  private static Instant instant(Object raw) {
    if (raw instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue()); // what sqlite-jdbc stores for a timestamp
    }
    if (raw instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    String s = raw.toString().strip();
    if (s.matches("-?\\d+")) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    try {
      var parsed = NAIVE.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
      Instant at =
          parsed instanceof OffsetDateTime o
              ? o.toInstant()
              : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
      return at;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date and time");
    }
  }

  /** Whether {@code value} has digits below the millisecond, which the project does not keep. */
  static boolean finerThanMillis(Object value) {
    return value instanceof Instant i && i.getNano() % 1_000_000 != 0;
  }
}
