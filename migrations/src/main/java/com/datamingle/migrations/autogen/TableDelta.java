package com.datamingle.migrations.autogen;

import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.schema.Catalog.ColumnState;
import com.datamingle.migrations.schema.Catalog.TableState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one table differs between the current schema and the target: columns added, dropped, changed
 * or renamed (only by hint), and uniques, foreign keys, checks and indexes added or dropped; with
 * the review warning of a likely rename. A changed primary key is refused.
 */
record TableDelta(
    String table,
    Map<String, String> renamed,
    List<String> added,
    List<String> dropped,
    List<String> changed,
    Set<String> uniquesAdded,
    Set<String> uniquesDropped,
    Set<String> fksAdded,
    Set<String> fksDropped,
    Set<String> checksChanged,
    Set<String> indexesChanged,
    String warning) {

  static TableDelta of(TableState want, TableState now, Map<String, String> renames) {
    String t = want.name();
    Map<String, String> renamed = new LinkedHashMap<>(); // old → new
    renames.forEach(
        (from, to) -> {
          if (from.startsWith(t + ".")) {
            String old = from.substring(t.length() + 1);
            if (now.columns().containsKey(old)
                && !want.columns().containsKey(old)
                && want.columns().containsKey(to)
                && !now.columns().containsKey(to)) {
              renamed.put(old, to);
            }
          }
        });
    List<String> added = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (String c : want.columns().keySet()) {
      if (!now.columns().containsKey(c) && !renamed.containsValue(c)) {
        added.add(c);
      } else if (now.columns().containsKey(c)
          && !sameColumn(want.columns().get(c), now.columns().get(c))) {
        changed.add(c);
      }
    }
    for (String c : now.columns().keySet()) {
      if (!want.columns().containsKey(c) && !renamed.containsKey(c)) {
        dropped.add(c);
      }
    }
    Set<String> uniquesAdded = minus(want.uniques().keySet(), now.uniques().keySet());
    Set<String> uniquesDropped = minus(now.uniques().keySet(), want.uniques().keySet());
    Set<String> fksAdded = minus(want.foreignKeys().keySet(), now.foreignKeys().keySet());
    Set<String> fksDropped = minus(now.foreignKeys().keySet(), want.foreignKeys().keySet());
    Set<String> checksChanged = new TreeSet<>();
    for (String name : union(want.checks().keySet(), now.checks().keySet())) {
      if (!Objects.equals(want.checks().get(name), now.checks().get(name))) {
        checksChanged.add(name);
      }
    }
    Set<String> indexesChanged = new TreeSet<>();
    for (String name : union(want.indexes().keySet(), now.indexes().keySet())) {
      if (!Objects.equals(want.indexes().get(name), now.indexes().get(name))) {
        indexesChanged.add(name);
      }
    }
    if (!want.primaryKey().equals(now.primaryKey())) {
      throw new MigrationFailure(
          "the primary key of "
              + t
              + " changes from "
              + now.primaryKey()
              + " to "
              + want.primaryKey()
              + "; write that migration by hand with `datamingle db new`");
    }
    String warning = null;
    if (dropped.size() == 1 && added.size() == 1 && renamed.isEmpty()) {
      warning =
          "WARNING: possible rename of "
              + t
              + "."
              + dropped.get(0)
              + " to "
              + added.get(0)
              + ": this script DROPS the column and ADDS a new one, losing its data. If it is a"
              + " rename, generate again with --rename "
              + t
              + "."
              + dropped.get(0)
              + "="
              + added.get(0);
    }
    return new TableDelta(
        t,
        renamed,
        added,
        dropped,
        changed,
        uniquesAdded,
        uniquesDropped,
        fksAdded,
        fksDropped,
        checksChanged,
        indexesChanged,
        warning);
  }

  boolean nothing() {
    return added.isEmpty()
        && dropped.isEmpty()
        && changed.isEmpty()
        && renamed.isEmpty()
        && uniquesAdded.isEmpty()
        && uniquesDropped.isEmpty()
        && fksAdded.isEmpty()
        && fksDropped.isEmpty()
        && checksChanged.isEmpty()
        && indexesChanged.isEmpty();
  }

  private static boolean sameColumn(ColumnState a, ColumnState b) {
    return a.type().equals(b.type())
        && a.notNull() == b.notNull()
        && Objects.equals(a.defaultValue(), b.defaultValue());
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }
}
