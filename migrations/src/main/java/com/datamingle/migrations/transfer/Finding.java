package com.datamingle.migrations.transfer;

/**
 * Something the import did not copy as it was, named for the operator: an unknown table or column,
 * or a row value the project's rules refuse.
 *
 * @param table the table (as the source names it)
 * @param row which row (its key), or null for a table or column
 * @param column the column, or null for a table
 * @param problem what is wrong, with the value where it helps
 * @param action what the import did about it
 */
public record Finding(String table, String row, String column, String problem, Action action) {
  /** What was done. */
  public enum Action {
    /** Nothing was imported because of it; a flag says how to go ahead. */
    REFUSED,
    /** Left out of the target (a table or column the project has no place for). */
    LEFT_OUT,
    /** Replaced by another value (named in the problem). */
    REPLACED,
    /** Stored in the project's form (trimmed, lower-cased, cut to the millisecond...). */
    NORMALISED,
    /** For information: a source table or column not carried over by design. */
    NOTED
  }

  /** One line: where, what, and what was done. */
  public String describe() {
    String where = table + (column == null ? "" : "." + column) + (row == null ? "" : " " + row);
    return where + ": " + problem + " -> " + action.name().toLowerCase(java.util.Locale.ROOT);
  }
}
