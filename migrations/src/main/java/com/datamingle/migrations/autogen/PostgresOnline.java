package com.datamingle.migrations.autogen;

import com.datamingle.migrations.autogen.SchemaDiff.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's forms of a change that keep a table in use readable and writable: the steps that
 * take a long lock or scan go to the script run outside a transaction ({@link Operation#later()}),
 * each statement in its own, and every one of them can run again after a failure half-way.
 */
final class PostgresOnline {
  /** Rows per backfill transaction: small enough that each batch holds its row locks briefly. */
  static final int BATCH = 5000;

  private PostgresOnline() {}

  /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS}; undone concurrently too. */
  static Operation createIndex(String description, String createIndex, String name) {
    return outside(description, List.of(concurrently(createIndex)), List.of(dropIndex(name)));
  }

  /** {@code DROP INDEX CONCURRENTLY IF EXISTS}; the undo builds it again concurrently. */
  static Operation dropIndex(String description, String name, String createIndex) {
    return outside(description, List.of(dropIndex(name)), List.of(concurrently(createIndex)));
  }

  /**
   * A unique constraint without building its index under a lock: the unique index concurrently,
   * then the constraint over it.
   */
  static Operation addUnique(String description, String table, String name, String columns) {
    return outside(
        description,
        List.of(
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "
                + name
                + " ON "
                + table
                + " ("
                + columns
                + ");",
            AlterStatements.alter(table, "ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name)),
        List.of(AlterStatements.alter(table, "DROP CONSTRAINT IF EXISTS " + name)));
  }

  /**
   * A foreign key or check: added {@code NOT VALID} in the migration (new rows are checked from
   * then on, existing ones are not read under its lock), validated by the next script in a
   * transaction of its own, which lets reads and writes through.
   */
  static Operation addConstraint(String description, String table, String name, String definition) {
    return new Operation(
        description,
        false,
        null,
        List.of(
            AlterStatements.alter(
                table, "ADD CONSTRAINT " + name + " " + definition + " NOT VALID")),
        List.of(AlterStatements.alter(table, "DROP CONSTRAINT IF EXISTS " + name)),
        List.of(AlterStatements.alter(table, "VALIDATE CONSTRAINT " + name)),
        List.of(AlterStatements.alter(table, "DROP CONSTRAINT IF EXISTS " + name)));
  }

  /**
   * A column becoming NOT NULL without scanning the table under an exclusive lock. With a default,
   * existing NULLs get it first, in batches that commit one by one; then a {@code CHECK (col IS NOT
   * NULL) NOT VALID}, its validation, {@code SET NOT NULL} (which trusts the valid check and skips
   * its scan), and the check dropped again.
   */
  static Operation setNotNull(String table, String column, boolean backfill) {
    String check = checkName(table, column);
    List<String> later = new ArrayList<>();
    if (backfill) {
      later.add(
          "-- existing NULLs get the column's default, "
              + BATCH
              + " rows per transaction (new rows get it from the default set before)");
      later.add(backfill(table, column));
    } else {
      later.add(
          "-- no default to fill NULLs with: VALIDATE fails while a row holds NULL; fill them"
              + " first");
    }
    later.add(AlterStatements.alter(table, "DROP CONSTRAINT IF EXISTS " + check));
    later.add(
        AlterStatements.alter(
            table, "ADD CONSTRAINT " + check + " CHECK (" + column + " IS NOT NULL) NOT VALID"));
    later.add(AlterStatements.alter(table, "VALIDATE CONSTRAINT " + check));
    later.add(AlterStatements.alter(table, "ALTER COLUMN " + column + " SET NOT NULL"));
    later.add(AlterStatements.alter(table, "DROP CONSTRAINT IF EXISTS " + check));
    return outside(
        "set not null on " + table + "." + column + (backfill ? " (NULLs get the default)" : ""),
        later,
        List.of(AlterStatements.alter(table, "ALTER COLUMN " + column + " DROP NOT NULL")));
  }

  /** A step wholly in the script outside a transaction. */
  private static Operation outside(String description, List<String> later, List<String> undo) {
    return new Operation(description, false, null, List.of(), List.of(), later, undo);
  }

  /**
   * One statement (on one line, so the script runner sends it whole) that sets NULLs to the
   * column's default a batch at a time, committing after each batch. It must run outside a
   * transaction block, as the scripts after the migration's do.
   */
  static String backfill(String table, String column) {
    return "DO $$ DECLARE n bigint; BEGIN LOOP UPDATE "
        + table
        + " SET "
        + column
        + " = DEFAULT WHERE ctid IN (SELECT ctid FROM "
        + table
        + " WHERE "
        + column
        + " IS NULL LIMIT "
        + BATCH
        + "); GET DIAGNOSTICS n = ROW_COUNT; COMMIT; EXIT WHEN n = 0; END LOOP; END $$;";
  }

  /** The temporary check's name, within PostgreSQL's 63 characters. */
  static String checkName(String table, String column) {
    String name = "ck_" + table + "_" + column + "_not_null";
    return name.length() <= 63 ? name : name.substring(0, 63);
  }

  private static String concurrently(String createIndex) {
    return createIndex.replaceFirst(
        "^CREATE (UNIQUE )?INDEX (IF NOT EXISTS )?", "CREATE $1INDEX CONCURRENTLY IF NOT EXISTS ");
  }

  private static String dropIndex(String name) {
    return "DROP INDEX CONCURRENTLY IF EXISTS " + name + ";";
  }
}
