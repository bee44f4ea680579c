package com.datamingle.migrations.backup;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restore on PostgreSQL, in one transaction.
 *
 * <p>Checks first, without touching the database: {@code pg_restore --list} must read the file and
 * list our changelog table with its data, all in one schema; a full {@code pg_restore} to nowhere
 * must read it to its end (a truncated dump fails here); the changelog's rows say which migrations
 * the backup holds.
 *
 * <p>Then the swap. A dump of schema X can only recreate schema X (pg_restore cannot rename it, and
 * rewriting the SQL is fragile), so the live schema is moved aside instead. {@code pg_restore -f -}
 * turns the dump into SQL, which is streamed into {@code psql} inside a transaction this class
 * opens and commits:
 *
 * <pre>
 * BEGIN;
 *   ALTER SCHEMA live RENAME TO dm_restore_old_N;       -- the live schema, aside
 *   [ALTER SCHEMA x RENAME TO dm_restore_keep_N;]       -- only when the dump's schema is another existing one
 *   ...the dump's SQL: CREATE SCHEMA x, tables, COPY data, sequences, constraints...
 *   [ALTER SCHEMA x RENAME TO live; ALTER SCHEMA dm_restore_keep_N RENAME TO x;]
 *   the old schema's owner and grants onto the new one;
 *   DROP SCHEMA dm_restore_old_N CASCADE;
 * COMMIT;                                               -- written only after pg_restore exited 0
 * </pre>
 *
 * <p>PostgreSQL's DDL is transactional, so a failure anywhere (pg_restore stops half-way, psql
 * errors, this process is killed, the connection drops) ends the session without COMMIT and the
 * database is exactly as it was. A concurrent server sees the old schema until the commit: the
 * renames and new tables are invisible to it, and its queries keep running on the old tables until
 * the final DROP, which waits at most the lock timeout for them (then the restore fails, unchanged)
 * and holds them only from there to the commit; queries that waited then resolve the names again
 * and read the restored tables. Sequences are recreated by the dump with their values and
 * ownership; tables belong to the restoring user (dumps are taken with --no-owner), and the schema
 * keeps the owner and grants the live one had.
 */
final class PostgresRestore implements Restorer {
  /** A TOC line of {@code pg_restore --list}: "215; 1259 21961 TABLE schema name owner". */
  private static final Pattern TOC =
      Pattern.compile("^\\d+; \\d+ \\d+ (TABLE DATA|TABLE|SCHEMA) (\\S+) (\\S+)(?: .*)?$");

  private final MigrationTarget target;
  private final Duration lockTimeout;
  private final PgTools tools;

  PostgresRestore(MigrationTarget target, Duration lockTimeout) {
    this.target = target;
    this.lockTimeout = lockTimeout;
    this.tools = new PgTools(target);
  }

  @Override
  public DatabaseRestore.Verified verify(Path file, BackupFile.Kind kind) {
    if (kind == BackupFile.Kind.SQLITE) {
      throw Restorer.refusal(
          file,
          "a SQLite database, not a PostgreSQL backup: restore it into a SQLite database"
              + " (DATABASE_URL=jdbc:sqlite:FILE)");
    }
    String what =
        kind == BackupFile.Kind.PG_CUSTOM ? "a PostgreSQL dump" : BackupFile.describe(file);
    String toc =
        tools.output(
            List.of("pg_restore", "--list", file.toAbsolutePath().toString()),
            error ->
                file
                    + " is "
                    + what
                    + ", not a backup pg_restore can read ("
                    + error
                    + "); the database is unchanged");
    Set<String> schemas = new TreeSet<>();
    Set<String> tables = new LinkedHashSet<>();
    boolean changelog = false;
    boolean changelogData = false;
    for (String line : toc.lines().toList()) {
      Matcher m = TOC.matcher(line);
      if (!m.matches()) {
        continue;
      }
      switch (m.group(1)) {
        case "SCHEMA" -> schemas.add(m.group(3));
        case "TABLE" -> {
          schemas.add(m.group(2));
          tables.add(m.group(3));
          changelog |= m.group(3).equalsIgnoreCase(Changelog.TABLE);
        }
        default -> changelogData |= m.group(3).equalsIgnoreCase(Changelog.TABLE);
      }
    }
    if (!changelog || !changelogData) {
      String madeBy = tables.contains("alembic_version") ? " made by Flask-Migrate/Alembic" : "";
      throw new MigrationFailure(
          file
              + " is a PostgreSQL dump"
              + madeBy
              + (tables.isEmpty()
                  ? " with no table"
                  : " of "
                      + tables.size()
                      + " table(s) ("
                      + String.join(", ", tables.stream().limit(8).toList())
                      + ")")
              + " without a DataMingle changelog: not a backup of this project; the database is"
              + " unchanged"
              + (madeBy.isEmpty()
                  ? ""
                  : ". To bring a prototype's data in, load it into a database of its own and use"
                      + " `datamingle db import --from <its URL>`"));
    }
    if (schemas.size() != 1) {
      throw new MigrationFailure(
          file
              + " holds "
              + schemas.size()
              + " schemas ("
              + String.join(", ", schemas)
              + "); a backup made by"
              + " `db backup` holds one; the database is unchanged");
    }
    String schema = schemas.iterator().next();
    tools.run(
        List.of("pg_restore", "--file=-", file.toAbsolutePath().toString()),
        ProcessBuilder.Redirect.DISCARD,
        error ->
            file
                + " is a damaged or truncated PostgreSQL dump: pg_restore cannot read it to the end"
                + " ("
                + error
                + "); the database is unchanged");
    String data =
        tools.output(
            List.of(
                "pg_restore",
                "--data-only",
                "--schema=" + schema,
                "--table=" + Changelog.TABLE.toLowerCase(Locale.ROOT),
                "--file=-",
                file.toAbsolutePath().toString()),
            error ->
                "the changelog in "
                    + file
                    + " cannot be read ("
                    + error
                    + "); the database is unchanged");
    return new DatabaseRestore.Verified(file, changelogIds(data), null, schema);
  }

  /** The ID column of the changelog's COPY block. */
  private static List<String> changelogIds(String sql) {
    List<String> ids = new ArrayList<>();
    int idColumn = -1;
    boolean inCopy = false;
    for (String line : sql.lines().toList()) {
      if (!inCopy && line.startsWith("COPY ") && line.endsWith("FROM stdin;")) {
        List<String> columns =
            List.of(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).split(",\\s*"));
        idColumn =
            columns.stream()
                .map(c -> c.replace("\"", "").toLowerCase(Locale.ROOT))
                .toList()
                .indexOf("id");
        inCopy = true;
      } else if (inCopy && line.equals("\\.")) {
        inCopy = false;
      } else if (inCopy && idColumn >= 0) {
        String[] values = line.split("\t", -1);
        if (idColumn < values.length && values[idColumn].matches("\\d+(\\.0*)?")) {
          ids.add(new java.math.BigDecimal(values[idColumn]).stripTrailingZeros().toPlainString());
        }
      }
    }
    return ids;
  }

  @Override
  public void apply(DatabaseRestore.Verified backup) {
    String live = liveSchema();
    String dumped = backup.schema();
    PostgresSchemaSwap swap =
        new PostgresSchemaSwap(
            live,
            dumped,
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
            schemaExists(live),
            !dumped.equals(live) && schemaExists(dumped),
            lockTimeout);
    tools.restoreInTransaction(backup.file(), swap.before(), swap.after());
  }

  /**
   * The schema the target works in: current_schema(), or the first of its search_path when that
   * schema does not exist.
   */
  String liveSchema() {
    try (Connection c = target.open();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT current_schema()")) {
        rs.next();
        if (rs.getString(1) != null) {
          return rs.getString(1);
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT current_setting('search_path'), current_user")) {
        rs.next();
        for (String part : rs.getString(1).split(",")) {
          String name = part.strip();
          if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
          }
          if (name.equals("$user")) {
            continue;
          }
          if (!name.isEmpty()) {
            return name;
          }
        }
        return "public";
      }
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }

  private boolean schemaExists(String schema) {
    try (Connection c = target.open();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }
}
