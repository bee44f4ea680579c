package com.datamingle.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code INVALID} indexes (pg_index.indisvalid = false) a failed {@code CREATE INDEX
 * CONCURRENTLY} leaves behind, among those a script names: reported when its run fails, and dropped
 * ({@code DROP INDEX CONCURRENTLY IF EXISTS}) before it runs again, since a re-run would otherwise
 * fail ("already exists") or, with {@code IF NOT EXISTS}, keep the unusable index.
 */
final class InvalidIndexes {
  private static final String INVALID =
      "SELECT c.relname, format('%I.%I', n.nspname, c.relname) FROM pg_index i"
          + " JOIN pg_class c ON c.oid = i.indexrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE NOT i.indisvalid AND n.nspname = current_schema() ORDER BY c.relname";

  private InvalidIndexes() {}

  /** The invalid indexes of the current schema that {@code script} names, schema-qualified. */
  static List<String> namedIn(Connection connection, String script) throws SQLException {
    String text = script.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(INVALID)) {
      while (rs.next()) {
        String name = rs.getString(1).toLowerCase(Locale.ROOT);
        if (Pattern.compile("(^|[^a-z0-9_$])\"?" + Pattern.quote(name) + "\"?($|[^a-z0-9_$])")
            .matcher(text)
            .find()) {
          found.add(rs.getString(2));
        }
      }
    }
    return found;
  }

  /**
   * Drops, each in a statement of its own outside a transaction ({@code connection} in auto-commit
   * mode), the invalid indexes {@code script} names; returns their names.
   */
  static List<String> dropNamedIn(Connection connection, String script) throws SQLException {
    List<String> invalid = namedIn(connection, script);
    for (String index : invalid) {
      try (Statement s = connection.createStatement()) {
        // the name comes quoted from format('%I.%I') above, not from the script
        s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
      }
    }
    return invalid;
  }
}
