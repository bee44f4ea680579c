package com.datamingle.migrations.schema;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What made a database, read from its tables only: nothing yet (no table), DataMingle (our
 * changelog, with at least one applied migration), or another tool (tables, but no changelog of
 * ours). A foreign database is refused by every command that would write to it, before anything is
 * written, because running our migrations over someone else's tables ends half-way with a changelog
 * that lies. Known tools are named by their own bookkeeping table.
 *
 * @param madeBy the tool that made a foreign database, when its bookkeeping table says so; else
 *     null
 * @param revision the version that tool records (Alembic's revision), when it records one; else
 *     null
 * @param tables the tables found (all of them, in name order)
 */
public record DatabaseOrigin(Kind kind, String madeBy, String revision, List<String> tables) {
  /**
   * Empty: no table. DataMingle: our changelog records a migration. Foreign: anything else with
   * tables.
   */
  public enum Kind {
    EMPTY,
    DATAMINGLE,
    FOREIGN
  }

  /** Bookkeeping tables of other migration tools (lower case) and the tool each belongs to. */
  private static final Map<String, String> KNOWN_TOOLS = new LinkedHashMap<>();

  static {
    KNOWN_TOOLS.put("alembic_version", "Flask-Migrate/Alembic");
    KNOWN_TOOLS.put("flyway_schema_history", "Flyway");
    KNOWN_TOOLS.put("databasechangelog", "Liquibase");
    KNOWN_TOOLS.put("django_migrations", "Django");
    KNOWN_TOOLS.put("_prisma_migrations", "Prisma");
    KNOWN_TOOLS.put("knex_migrations", "Knex");
    KNOWN_TOOLS.put("schema_migrations", "Rails or golang-migrate");
  }

  private static final int TABLES_NAMED = 8;

  public DatabaseOrigin {
    tables = List.copyOf(tables);
  }

  public boolean foreign() {
    return kind == Kind.FOREIGN;
  }

  /** What made the database of {@code target}. Only reads. */
  public static DatabaseOrigin of(MigrationTarget target) {
    try (Connection connection = target.openForReading()) {
      return inspect(connection, target.dialect());
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }

  /** What made the database behind {@code connection}. Only reads. */
  public static DatabaseOrigin inspect(Connection connection, Dialect dialect) throws SQLException {
    List<String> tables = Catalog.tables(connection, dialect);
    if (tables.isEmpty()) {
      return new DatabaseOrigin(Kind.EMPTY, null, null, tables);
    }
    Optional<String> changelog =
        tables.stream().filter(t -> t.equalsIgnoreCase(Changelog.TABLE)).findFirst();
    boolean ours = changelog.isPresent() && isOurChangelog(connection, changelog.get());
    if (ours && rows(connection, changelog.get()) > 0) {
      return new DatabaseOrigin(Kind.DATAMINGLE, null, null, tables);
    }
    if (ours && tables.size() == 1) {
      return new DatabaseOrigin(
          Kind.EMPTY, null, null, tables); // our changelog, nothing recorded yet
    }
    for (String table : tables) {
      String tool = KNOWN_TOOLS.get(table.toLowerCase(Locale.ROOT));
      if (tool != null) {
        String revision =
            table.equalsIgnoreCase("alembic_version") ? alembicRevision(connection, table) : null;
        return new DatabaseOrigin(Kind.FOREIGN, tool, revision, tables);
      }
    }
    return new DatabaseOrigin(Kind.FOREIGN, null, null, tables);
  }

  /**
   * Ours has at least ID, APPLIED_AT and DESCRIPTION; another tool's "changelog" table is not ours.
   */
  private static boolean isOurChangelog(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
      }
      return columns.containsAll(List.of("id", "applied_at", "description"));
    }
  }

  private static long rows(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String alembicRevision(Connection connection, String table) {
    List<String> revisions = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT version_num FROM " + quote(table) + " ORDER BY version_num")) {
      while (rs.next()) {
        revisions.add(rs.getString(1));
      }
    } catch (SQLException e) {
      return null; // an alembic_version table without version_num: still Alembic's, revision
      // unknown
    }
    return revisions.isEmpty() ? null : String.join(", ", revisions);
  }

  /** Table names come from the catalog; quoted, so that any name reads back as itself. */
  private static String quote(String table) {
    return "\"" + table.replace("\"", "\"\"") + "\"";
  }

  /** One line: what the database is. */
  public String describe() {
    return switch (kind) {
      case EMPTY -> "empty (no table)";
      case DATAMINGLE -> "made by DataMingle";
      case FOREIGN ->
          (madeBy == null
                  ? "not made by DataMingle"
                  : "made by " + madeBy + (revision == null ? "" : ", revision " + revision))
              + " ("
              + tableList()
              + "; no DataMingle changelog)";
    };
  }

  private String tableList() {
    List<String> named = tables.subList(0, Math.min(TABLES_NAMED, tables.size()));
    return (tables.size() == 1 ? "table " : tables.size() + " tables: ")
        + String.join(", ", named)
        + (tables.size() > named.size() ? ", and " + (tables.size() - named.size()) + " more" : "");
  }

  /**
   * What to do with a foreign database: import it into one of ours, or adopt it when it is ours in
   * all but the changelog.
   */
  public static String wayIn() {
    return "to bring its data into DataMingle, point DATABASE_URL at a new, fresh database and run"
        + " `datamingle db import --from <this database's URL>`; if its tables are exactly"
        + " what DataMingle's migrations make, `datamingle db stamp head` adopts it instead";
  }

  /** {@link #wayIn()} as a sentence of its own. */
  public static String wayInSentence() {
    return capitalised(wayIn()) + ".";
  }

  /** Refuses to {@code action} the database of {@code target} when another tool made it. */
  public static void refuseForeign(String action, MigrationTarget target) {
    DatabaseOrigin origin = of(target);
    if (origin.foreign()) {
      throw origin.refusal(action, target);
    }
  }

  /** The refusal of a command that would write to a foreign database: nothing has been written. */
  public MigrationFailure refusal(String action, MigrationTarget target) {
    return new MigrationFailure(
        "refusing to "
            + action
            + " "
            + target.describe()
            + ": it is a database "
            + describe()
            + "; nothing was written. "
            + wayInSentence());
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
