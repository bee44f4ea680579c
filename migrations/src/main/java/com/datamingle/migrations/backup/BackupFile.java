package com.datamingle.migrations.backup;

import com.datamingle.migrations.database.MigrationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a file given to {@code db restore} is, judged by its first bytes before anything opens it: a
 * SQLite database, a PostgreSQL custom-format dump, or something else, said in words. Never quotes
 * the file's content (it may hold secrets).
 */
final class BackupFile {
  enum Kind {
    SQLITE,
    PG_CUSTOM,
    OTHER
  }

  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PG_CUSTOM_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 100;
  private static final int SAMPLE = 4096;

  private BackupFile() {}

  /**
   * The kind of a file that exists and can be read; refuses (with what it is) a folder, an empty or
   * unreadable file.
   */
  static Kind kind(Path file) {
    return classify(file, head(file));
  }

  /** What the file is, in words, for a refusal ("a text file", "a gzip-compressed file", ...). */
  static String describe(Path file) {
    byte[] head = head(file);
    return switch (classify(file, head)) {
      case SQLITE -> "a SQLite database";
      case PG_CUSTOM -> "a PostgreSQL custom-format dump";
      case OTHER -> other(head);
    };
  }

  private static Kind classify(Path file, byte[] head) {
    if (startsWith(head, SQLITE_MAGIC)) {
      return Kind.SQLITE;
    }
    if (startsWith(head, PG_CUSTOM_MAGIC)) {
      return Kind.PG_CUSTOM;
    }
    return Kind.OTHER;
  }

  private static String other(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return "a gzip-compressed file (decompress it first)";
    }
    if (head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
      return "a tar archive";
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return "a zip archive";
    }
    String text = text(head);
    if (text == null) {
      return "a binary file of an unknown format";
    }
    if (text.contains("PostgreSQL database dump")) {
      return "a plain-SQL pg_dump script (db restore takes the custom-format dumps `db backup`"
          + " writes; load a plain script into an empty database with psql)";
    }
    if (text.startsWith("SQLite format")) {
      return "a damaged SQLite header";
    }
    return "a text file";
  }

  /** The first bytes as text when they are valid UTF-8 without NUL bytes; else null. */
  private static String text(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return null;
      }
    }
    // a character cut off at the end of the sample is no reason to call the file binary
    for (int cut = 0; cut <= 3 && cut < head.length; cut++) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(head, 0, head.length - cut))
            .toString();
      } catch (CharacterCodingException e) {
        if (head.length < SAMPLE) {
          return null;
        }
      }
    }
    return null;
  }

  private static byte[] head(Path file) {
    if (!Files.exists(file)) {
      throw new MigrationFailure(
          "no backup file " + file + "; give the path that `db backup` printed");
    }
    if (Files.isDirectory(file)) {
      throw new MigrationFailure(
          file
              + " is a folder, not a backup; give the backup file that `db backup` wrote;"
              + " the database is unchanged");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SAMPLE);
      if (head.length == 0) {
        throw new MigrationFailure(
            file + " is an empty file (0 bytes), not a backup; the database is unchanged");
      }
      return head;
    } catch (IOException e) {
      throw new MigrationFailure(
          "cannot read " + file + ": " + e.getMessage() + "; the database is unchanged", e);
    }
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length
        && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  /**
   * The SQLite header's own account of the file against its size: refuses a file shorter than its
   * header says (a truncated copy), before SQLite is asked to read it.
   */
  static void checkSqliteSize(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(HEADER);
      long size = Files.size(file);
      if (header.length < HEADER) {
        throw new MigrationFailure(
            file
                + " is a truncated SQLite database: "
                + size
                + " bytes, shorter than the 100-byte header;"
                + " the database is unchanged");
      }
      ByteBuffer b = ByteBuffer.wrap(header);
      int pageSize = Short.toUnsignedInt(b.getShort(16));
      pageSize = pageSize == 1 ? 65_536 : pageSize;
      long changeCounter = Integer.toUnsignedLong(b.getInt(24));
      long pages = Integer.toUnsignedLong(b.getInt(28));
      long validFor = Integer.toUnsignedLong(b.getInt(92));
      if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
        throw new MigrationFailure(
            file
                + " is a damaged SQLite database: its header gives a page size of "
                + pageSize
                + "; the database is unchanged");
      }
      if (size % pageSize != 0
          || pages > 0 && changeCounter == validFor && pages * pageSize > size) {
        long expected =
            pages > 0 && changeCounter == validFor
                ? pages * pageSize
                : (size / pageSize + 1) * pageSize;
        throw new MigrationFailure(
            file
                + " is a truncated SQLite database: its header says "
                + expected
                + " bytes, the file has "
                + size
                + "; the database is unchanged. Use a complete backup");
      }
    } catch (IOException e) {
      throw new MigrationFailure(
          "cannot read " + file + ": " + e.getMessage() + "; the database is unchanged", e);
    }
  }
}
