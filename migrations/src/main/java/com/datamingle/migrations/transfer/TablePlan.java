package com.datamingle.migrations.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one target table is filled: which of its columns are written, each from which source column
 * (matched by name), or with a new id. A target table the source lacks is written from nothing.
 *
 * @param target the target table
 * @param source the source table of the same name, or null
 * @param written the target columns the import writes, in order
 * @param from for each written column, the source column it reads, or null for a new id
 */
record TablePlan(
    Layout.Table target, Layout.Table source, List<Layout.Column> written, List<String> from) {

  /** The tables a source keeps for its own bookkeeping, which are never copied. */
  static final Set<String> BOOKKEEPING = Set.of("changelog", "alembic_version");

  String name() {
    return target.name();
  }

  /** The source column read for written column {@code i}, or null when it gets a new id. */
  Layout.Column sourceColumn(int i) {
    return from.get(i) == null ? null : source.column(from.get(i)).orElseThrow();
  }

  /**
   * Plans every target table from the source, matching tables and columns by name; {@code
   * prototype}: the source's users get new ids. Unknown source tables and columns, and required
   * target columns the source lacks, become findings.
   */
  static List<TablePlan> plan(
      Layout source, Layout target, boolean prototype, ImportOptions options, Findings findings) {
    List<TablePlan> plans = new ArrayList<>();
    Finding.Action unknown =
        options.skipUnknown() ? Finding.Action.LEFT_OUT : Finding.Action.REFUSED;
    for (Layout.Table table : target.tables().values()) {
      if (BOOKKEEPING.contains(table.name().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Layout.Table from = source.table(table.name()).orElse(null);
      plans.add(planTable(table, from, prototype, unknown, findings));
    }
    for (Layout.Table table : source.tables().values()) {
      String key = table.name().toLowerCase(Locale.ROOT);
      if (key.equals("alembic_version") && prototype) {
        findings.add(
            new Finding(
                table.name(),
                null,
                null,
                "the prototype's Alembic revision; not carried over (the target records"
                    + " DataMingle's migrations)",
                Finding.Action.NOTED));
      } else if (!BOOKKEEPING.contains(key) && target.table(key).isEmpty()) {
        findings.add(
            new Finding(table.name(), null, null, "a table DataMingle does not have", unknown));
      }
    }
    return plans;
  }

  private static TablePlan planTable(
      Layout.Table table,
      Layout.Table from,
      boolean prototype,
      Finding.Action unknown,
      Findings findings) {
    List<Layout.Column> written = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    if (from == null) {
      return new TablePlan(table, null, written, sources);
    }
    boolean newIds = prototype && table.name().equalsIgnoreCase("users");
    for (Layout.Column column : table.columns()) {
      if (newIds && column.name().equalsIgnoreCase("id")) {
        written.add(column);
        sources.add(null);
        if (from.column("id").isPresent()) {
          findings.add(
              new Finding(
                  from.name(),
                  null,
                  "id",
                  "the prototype's integer ids are not DataMingle ids: each user gets a new one",
                  Finding.Action.NOTED));
        }
        continue;
      }
      var match = from.column(column.name());
      if (match.isPresent()) {
        written.add(column);
        sources.add(match.get().name());
      } else if (column.notNull() && !column.hasDefault()) {
        findings.add(
            new Finding(
                from.name(),
                null,
                column.name(),
                "the source has no such column, and DataMingle requires it and has no default",
                Finding.Action.REFUSED));
      } else {
        findings.add(
            new Finding(
                from.name(),
                null,
                column.name(),
                "not in the source: left to its default",
                Finding.Action.NOTED));
      }
    }
    for (Layout.Column column : from.columns()) {
      if (table.column(column.name()).isPresent()) {
        continue;
      }
      findings.add(
          new Finding(
              from.name(), null, column.name(), "a column DataMingle does not have", unknown));
    }
    return new TablePlan(table, from, written, sources);
  }
}
