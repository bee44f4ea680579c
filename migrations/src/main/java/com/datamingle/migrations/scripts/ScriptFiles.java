package com.datamingle.migrations.scripts;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes migration scripts into a scripts folder: a scaffold, a new migration, renumbered parallel
 * work.
 */
public final class ScriptFiles {
  private static final String NEW_NEEDS_A_FOLDER =
      "new migrations are written to a folder: pass --migrations DIR (or set"
          + " DATAMINGLE_MIGRATIONS); from a checkout, ./datamingle does that for you";
  private static final String RENUMBER_NEEDS_A_FOLDER =
      "--renumber renames files in a scripts folder: pass --migrations DIR"
          + " (from a checkout, ./datamingle does)";
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private ScriptFiles() {}

  /**
   * Creates {@code root/sqlite} and {@code root/postgresql} with the changelog migration and a
   * README. Refuses a folder that already holds scripts.
   *
   * @return the files written
   */
  public static List<Path> scaffold(Path root) {
    for (Dialect d : Dialect.values()) {
      Path dir = root.resolve(d.id());
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          if (files.findAny().isPresent()) {
            throw new MigrationFailure(
                dir + " already holds files; `db init` never overwrites: pick an empty folder");
          }
        } catch (IOException e) {
          throw new MigrationFailure("cannot read " + dir + ": " + e.getMessage(), e);
        }
      }
    }
    try {
      List<Path> written = new java.util.ArrayList<>();
      for (Dialect d : Dialect.values()) {
        Path dir = Files.createDirectories(root.resolve(d.id()));
        for (String name : ScriptSource.packaged().list(d)) {
          if (name.endsWith("_create_changelog.sql")) {
            try (var in = ScriptSource.packaged().open(d, name).orElseThrow()) {
              Path file = dir.resolve(name);
              Files.write(file, in.readAllBytes());
              written.add(file);
            }
          }
        }
      }
      Path readme = root.resolve("README.md");
      if (!Files.exists(readme)) {
        Files.writeString(
            readme,
            """
            # Migrations

            One folder per database, `sqlite/` and `postgresql/`, with the same file names:
            `<yyyyMMddHHmmss>_<description>.sql`. Each script has the forward SQL, then a line
            `-- //@UNDO`, then the SQL that reverses it. One statement per `;`-terminated line group;
            use `-- @DELIMITER $$` for bodies that contain `;`.

            - `datamingle --migrations <this folder> db new -m "add something"` writes a new pair.
            - Review with `db upgrade --sql`, rehearse with `db test`, apply with `db upgrade`.
            - Never edit a migration once applied anywhere: write a new one (`db validate` catches edits).
            """,
            StandardCharsets.UTF_8);
        written.add(readme);
      }
      return written;
    } catch (IOException e) {
      throw new MigrationFailure(
          "cannot write the migrations folder " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a new empty migration, same id in every dialect's folder, with up and undo sections.
   *
   * @return the files written
   */
  public static List<Path> newMigration(ScriptSource scripts, String message, Clock clock) {
    String slug =
        message
            .strip()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    if (slug.isEmpty()) {
      throw new MigrationFailure(
          "the message must contain letters or digits, e.g. -m \"add teams table\"");
    }
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("_+$", "");
    }
    String id = nextId(scripts, clock);
    List<Path> written = new java.util.ArrayList<>();
    for (Dialect d : Dialect.values()) {
      Path dir = folder(scripts, d, NEW_NEEDS_A_FOLDER);
      Path file = dir.resolve(id + "_" + slug + ".sql");
      try {
        Files.createDirectories(dir);
        Files.writeString(
            file,
            "-- // "
                + message.strip().replace("\n", " ")
                + "\n"
                + "-- Write the "
                + d.id()
                + " statements below, each ending with ;\n\n\n"
                + "-- //@UNDO\n"
                + "-- The statements that reverse the ones above, in reverse order.\n\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW);
      } catch (IOException e) {
        throw new MigrationFailure("cannot write " + file + ": " + e.getMessage(), e);
      }
      written.add(file);
    }
    return written;
  }

  /** A 14-digit id from the clock (UTC), later than every existing script's. */
  static String nextId(ScriptSource scripts, Clock clock) {
    BigDecimal newest = BigDecimal.ZERO;
    for (Dialect d : Dialect.values()) {
      if (scripts.folder(d).map(dir -> !Files.isDirectory(dir)).orElse(false)) {
        continue; // a folder set up for one database only
      }
      for (var change : new ScriptLoader(scripts, d).getMigrations()) {
        newest = newest.max(change.getId());
      }
    }
    BigDecimal now =
        new BigDecimal(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(ID));
    return now.compareTo(newest) > 0 ? now.toPlainString() : after(newest.toPlainString());
  }

  private static String after(String id) {
    LocalDateTime time = LocalDateTime.parse(id, ID);
    return time.plusSeconds(1).format(ID);
  }

  /** Renames the given scripts, in every dialect's folder, to ids after the newest script. */
  public static Map<String, String> renumber(
      ScriptSource scripts, List<String> fileNames, Clock clock) {
    String next = nextId(scripts, clock);
    Map<String, String> renamed = new LinkedHashMap<>();
    for (String fileName : fileNames) {
      String newName = next + fileName.substring(fileName.indexOf('_'));
      for (Dialect d : Dialect.values()) {
        Path dir = folder(scripts, d, RENUMBER_NEEDS_A_FOLDER);
        Path from = dir.resolve(fileName);
        if (Files.exists(from)) {
          try {
            Files.move(from, dir.resolve(newName));
          } catch (IOException ex) {
            throw new MigrationFailure("cannot rename " + from + ": " + ex.getMessage(), ex);
          }
        }
      }
      renamed.put(fileName, newName);
      next = after(next);
    }
    return renamed;
  }

  private static Path folder(ScriptSource scripts, Dialect dialect, String refusal) {
    return scripts.folder(dialect).orElseThrow(() -> new MigrationFailure(refusal));
  }
}
