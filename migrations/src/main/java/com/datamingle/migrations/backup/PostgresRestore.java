package com.datamingle.migrations.backup;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
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
final class PostgresRestore {
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

  DatabaseRestore.Verified verify(Path file, BackupFile.Kind kind) {
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

  void apply(DatabaseRestore.Verified backup) {
    String live = liveSchema();
    String dumped = backup.schema();
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String old = "dm_restore_old_" + suffix;
    String keep = "dm_restore_keep_" + suffix;
    boolean liveExists = schemaExists(live);
    boolean moveOther = !dumped.equals(live) && schemaExists(dumped);
    String timeout = "SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms';\n";

    StringBuilder before = new StringBuilder("BEGIN;\n").append(timeout);
    if (liveExists) {
      before
          .append("ALTER SCHEMA ")
          .append(quote(live))
          .append(" RENAME TO ")
          .append(quote(old))
          .append(";\n");
    }
    if (moveOther) {
      before
          .append("ALTER SCHEMA ")
          .append(quote(dumped))
          .append(" RENAME TO ")
          .append(quote(keep))
          .append(";\n");
    }
    StringBuilder after = new StringBuilder("\n").append(timeout);
    if (!dumped.equals(live)) {
      after
          .append("ALTER SCHEMA ")
          .append(quote(dumped))
          .append(" RENAME TO ")
          .append(quote(live))
          .append(";\n");
      if (moveOther) {
        after
            .append("ALTER SCHEMA ")
            .append(quote(keep))
            .append(" RENAME TO ")
            .append(quote(dumped))
            .append(";\n");
      }
    }
    if (liveExists) {
      after
          .append(keepOwnerAndGrants(old, live))
          .append("DROP SCHEMA ")
          .append(quote(old))
          .append(" CASCADE;\n");
    }
    after.append("COMMIT;\n");
    stream(backup.file(), before.toString(), after.toString());
  }

  /**
   * pg_restore's SQL between our BEGIN and COMMIT, into psql. COMMIT is written only when
   * pg_restore has exited 0; otherwise psql is stopped without it and the transaction dies with its
   * session.
   */
  private void stream(Path file, String before, String after) {
    Path psqlErrors = PgTools.tempFile();
    Path restoreErrors = PgTools.tempFile();
    Process psql = null;
    Process restore = null;
    try {
      psql =
          PgTools.start(
              tools
                  .builder(
                      List.of(
                          "psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=-"),
                      psqlErrors)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD));
      restore =
          PgTools.start(
              tools.builder(
                  List.of("pg_restore", "--no-owner", "--file=-", file.toAbsolutePath().toString()),
                  restoreErrors));
      boolean complete;
      try (OutputStream in = psql.getOutputStream()) {
        try (InputStream sql = restore.getInputStream()) {
          in.write(before.getBytes(StandardCharsets.UTF_8));
          sql.transferTo(in);
          complete =
              restore.waitFor(PgTools.TIMEOUT_MINUTES, TimeUnit.MINUTES)
                  && restore.exitValue() == 0;
          if (complete) {
            in.write(after.getBytes(StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          complete = false; // psql stopped reading: it failed, its error says why
        }
        if (!complete) {
          psql.destroyForcibly();
        }
      } catch (IOException e) {
        complete = false;
      }
      if (!psql.waitFor(PgTools.TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        psql.destroyForcibly();
        throw new MigrationFailure(
            "the restore did not finish within "
                + PgTools.TIMEOUT_MINUTES
                + " minutes and was rolled back;"
                + " the database is as it was");
      }
      if (!complete || psql.exitValue() != 0) {
        String psqlError = PgTools.firstError(psqlErrors);
        String cause =
            psql.exitValue() != 0 && !psqlError.equals("no message")
                ? psqlError
                : restore.isAlive() || restore.exitValue() != 0
                    ? "pg_restore: " + PgTools.firstError(restoreErrors)
                    : psqlError;
        throw new MigrationFailure(
            "the restore from "
                + file
                + " failed and was rolled back; the database is as it was: "
                + cause
                + (cause.contains("lock timeout")
                    ? " (another session holds the tables, e.g. a long transaction; try again when"
                        + " it has finished)"
                    : ""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailure("interrupted during the restore; it was rolled back", e);
    } finally {
      if (restore != null && restore.isAlive()) {
        restore.destroyForcibly();
      }
      if (psql != null && psql.isAlive()) {
        psql.destroyForcibly();
      }
      PgTools.delete(psqlErrors);
      PgTools.delete(restoreErrors);
    }
  }

  /**
   * The new schema gets the owner and the grants of the one it replaces, so that the roles that
   * used it still can.
   */
  private static String keepOwnerAndGrants(String from, String to) {
    return "DO $restore$ DECLARE r record; BEGIN\n"
        + "  EXECUTE format('ALTER SCHEMA %I OWNER TO %I', "
        + literal(to)
        + ","
        + " (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = "
        + literal(from)
        + "));\n"
        + "  FOR r IN SELECT a.grantee, a.privilege_type, a.is_grantable FROM pg_namespace n,"
        + " aclexplode(n.nspacl) a\n"
        + "      WHERE n.nspname = "
        + literal(from)
        + " AND a.grantee <> n.nspowner LOOP\n"
        + "    EXECUTE format('GRANT %s ON SCHEMA %I TO %s%s', r.privilege_type, "
        + literal(to)
        + ",\n"
        + "      CASE WHEN r.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r.grantee))"
        + " END,\n"
        + "      CASE WHEN r.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);\n"
        + "  END LOOP;\n"
        + "END $restore$;\n";
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

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
