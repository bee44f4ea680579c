package com.datamingle.migrations.lint;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The statements that are valid SQL but dangerous on a database in use: each rule's id, severity,
 * the dialects it applies to, why it is dangerous and the safe way to write it.
 */
public enum Rule {
  DROP_TABLE(
      Severity.ERROR,
      both(),
      "loses the table's data, and instances still running the previous release fail on it",
      "stop using the table in one release, drop it in a later one (accept with a reason then)"),
  DROP_COLUMN(
      Severity.ERROR,
      both(),
      "loses the column's data, and instances still running the previous release fail on it",
      "stop reading and writing the column in one release, drop it in a later one"),
  RENAME_TABLE(
      Severity.ERROR,
      both(),
      "instances still running the previous release use the old name and fail",
      "create the new table, write to both, backfill, switch readers, drop the old one later"),
  RENAME_COLUMN(
      Severity.ERROR,
      both(),
      "instances still running the previous release use the old name and fail",
      "add the new column, write to both, backfill, switch readers, drop the old one later"),
  CHANGING_COLUMN_TYPE(
      Severity.ERROR,
      postgres(),
      "rewrites the table (and its indexes) under an ACCESS EXCLUSIVE lock: no reads or writes"
          + " until it ends",
      "widen only (varchar(n) to varchar(m>n) or text, numeric(p,s) to numeric(q>p,s)); otherwise"
          + " add a new column, backfill in batches, switch, drop the old one"),
  ADD_COLUMN_REWRITE(
      Severity.ERROR,
      postgres(),
      "a volatile default, serial, identity or stored generated column rewrites the whole table"
          + " under an ACCESS EXCLUSIVE lock",
      "add the column without that default, SET DEFAULT afterwards, backfill existing rows in"
          + " batches"),
  SQLITE_ADD_COLUMN_FAILS(
      Severity.ERROR,
      EnumSet.of(SqlDialect.SQLITE),
      "SQLite refuses it on a table that holds rows (NOT NULL without default, a non-constant"
          + " default, UNIQUE or PRIMARY KEY): it passes on an empty test database and fails in"
          + " production",
      "add the column nullable or with a constant default; a constraint needs a table rebuild"),
  SET_NOT_NULL(
      Severity.ERROR,
      postgres(),
      "scans the whole table under an ACCESS EXCLUSIVE lock: no reads or writes during the scan",
      "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (in a later"
          + " migration); then SET NOT NULL (no scan) and DROP CONSTRAINT c"),
  CONSTRAINT_MISSING_NOT_VALID(
      Severity.ERROR,
      postgres(),
      "a new foreign key or check is verified against every row while writes (for a foreign key on"
          + " both tables) are blocked",
      "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later migration (it takes a"
          + " lock that lets reads and writes through)"),
  CONSTRAINT_BUILDS_INDEX(
      Severity.ERROR,
      postgres(),
      "ADD PRIMARY KEY or UNIQUE builds its index under an ACCESS EXCLUSIVE lock",
      "CREATE UNIQUE INDEX CONCURRENTLY in a no-transaction script, then ADD CONSTRAINT ..."
          + " USING INDEX"),
  REQUIRE_CONCURRENT_INDEX(
      Severity.ERROR,
      postgres(),
      "CREATE INDEX on an existing table blocks every write to it until the index is built",
      "CREATE INDEX CONCURRENTLY in its own script marked -- datamingle:no-transaction"),
  REQUIRE_CONCURRENT_INDEX_DELETION(
      Severity.WARNING,
      postgres(),
      "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table",
      "DROP INDEX CONCURRENTLY in a script marked -- datamingle:no-transaction"),
  REQUIRE_CONCURRENT_REINDEX(
      Severity.ERROR,
      postgres(),
      "REINDEX blocks writes (and reads using the index) until it ends",
      "REINDEX ... CONCURRENTLY in a script marked -- datamingle:no-transaction"),
  CONCURRENTLY_IN_TRANSACTION(
      Severity.ERROR,
      postgres(),
      "CONCURRENTLY cannot run inside a transaction block: the migration fails",
      "put the statement alone in a script whose first lines hold -- datamingle:no-transaction"),
  BACKFILL_WITH_DDL(
      Severity.ERROR,
      both(),
      "rows written in the same transaction as a schema change keep that change's locks for the"
          + " whole backfill",
      "change the schema in one migration, backfill in another (in batches on PostgreSQL)"),
  TABLE_REBUILD(
      Severity.WARNING,
      both(),
      "copies every row into a new table while holding the write lock: the larger the table the"
          + " longer writers wait",
      "run it in a quiet period, or on PostgreSQL use an ALTER TABLE form that does not copy"),
  BAN_VACUUM_FULL(
      Severity.ERROR,
      both(),
      "VACUUM FULL and CLUSTER (PostgreSQL) or VACUUM (SQLite) rewrite the table or the whole"
          + " database under an exclusive lock",
      "plain VACUUM on PostgreSQL, or pg_repack; on SQLite run VACUUM by hand in a maintenance"
          + " window"),
  BAN_TRUNCATE(
      Severity.ERROR,
      postgres(),
      "TRUNCATE takes an ACCESS EXCLUSIVE lock and deletes every row (CASCADE: of other tables"
          + " too)",
      "DELETE in batches, or accept it with the reason the data may go"),
  BAN_ADD_ENUM_VALUE(
      Severity.WARNING,
      postgres(),
      "a new enum value cannot be used in the transaction that adds it",
      "add the value in its own migration, use it in a later one"),
  PREFER_JSONB(
      Severity.WARNING,
      postgres(),
      "json keeps the text as written: no equality, no GIN index, and changing to jsonb later"
          + " rewrites the table",
      "use jsonb"),
  INVALID_ACCEPT(
      Severity.ERROR,
      both(),
      "a lint:accept comment must name a rule and say why its finding is acceptable",
      "-- lint:accept RULE_ID the reason, on a line right above the statement");

  /** How a finding stops a migration: errors are refused unless accepted, warnings are shown. */
  public enum Severity {
    ERROR,
    WARNING;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Severity severity;
  private final Set<SqlDialect> dialects;
  private final String why;
  private final String safe;

  Rule(Severity severity, Set<SqlDialect> dialects, String why, String safe) {
    this.severity = severity;
    this.dialects = dialects;
    this.why = why;
    this.safe = safe;
  }

  /** The id used in findings and in {@code -- lint:accept} comments, e.g. {@code drop-column}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public Severity severity() {
    return severity;
  }

  public Set<SqlDialect> dialects() {
    return dialects;
  }

  public String why() {
    return why;
  }

  public String safe() {
    return safe;
  }

  public static Optional<Rule> byId(String id) {
    for (Rule r : values()) {
      if (r.id().equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static Set<SqlDialect> both() {
    return EnumSet.allOf(SqlDialect.class);
  }

  private static Set<SqlDialect> postgres() {
    return EnumSet.of(SqlDialect.POSTGRESQL);
  }
}
