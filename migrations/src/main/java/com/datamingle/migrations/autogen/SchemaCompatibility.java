package com.datamingle.migrations.autogen;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.schema.Catalog.ColumnState;
import com.datamingle.migrations.schema.Catalog.TableState;
import com.datamingle.migrations.scripts.ScriptSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether code that knows only some of the migrations can still work on a live schema that newer
 * migrations changed: every table, column (same type and nullability, default kept), key, index and
 * constraint that this code's scripts make must still be there unchanged. What the newer migrations
 * add is fine (tables, nullable columns or columns with a default, plain indexes), except what
 * would refuse rows this code writes: a NOT NULL column without a default, or a new unique index,
 * unique constraint, foreign key or check on one of its tables. The expected schema is built the
 * way {@link SchemaDrift} builds it, in a scratch database; the live one is only read.
 */
public final class SchemaCompatibility {
  private final SchemaDrift drift;

  /**
   * @param scripts the scripts this code knows
   * @param scratchServers where PostgreSQL scratch schemas may be made; without an entry, in the
   *     live database itself
   */
  public SchemaCompatibility(ScriptSource scripts, Map<Dialect, MigrationTarget> scratchServers) {
    this.drift = new SchemaDrift(scripts, scratchServers);
  }

  /**
   * What in the live schema breaks code whose newest migration is {@code version} (null: none): one
   * line each, empty when the newer migrations only added to it.
   */
  public List<String> breaking(DatabaseMigrator live, String version) {
    SchemaDrift.Schemas schemas = drift.schemas(live, version);
    return breaking(schemas.expected(), schemas.live());
  }

  /** What in {@code live} breaks code that expects {@code expected}; empty when additive. */
  public static List<String> breaking(
      Map<String, TableState> expected, Map<String, TableState> live) {
    List<String> out = new ArrayList<>();
    for (TableState want : expected.values()) {
      TableState have = live.get(want.name());
      if (have == null) {
        out.add("table " + want.name() + " is gone (dropped or renamed)");
        continue;
      }
      columns(out, want, have);
      String t = want.name();
      if (!want.primaryKey().equals(have.primaryKey())) {
        out.add(
            "the primary key of "
                + t
                + " is now ("
                + String.join(", ", have.primaryKey())
                + "), this version expects ("
                + String.join(", ", want.primaryKey())
                + ")");
      }
      kept(out, "index", t, want.indexes(), have.indexes(), true);
      kept(out, "unique constraint", t, want.uniques(), have.uniques(), false);
      kept(out, "foreign key", t, want.foreignKeys(), have.foreignKeys(), false);
      kept(out, "check", t, want.checks(), have.checks(), true);
      have.indexes()
          .forEach(
              (name, def) -> {
                if (!want.indexes().containsKey(name) && def.startsWith("UNIQUE")) {
                  out.add(refusing("unique index " + t + "." + name));
                }
              });
      added(out, "unique constraint", t, want.uniques(), have.uniques());
      added(out, "foreign key", t, want.foreignKeys(), have.foreignKeys());
      added(out, "check", t, want.checks(), have.checks());
    }
    return out;
  }

  private static void columns(List<String> out, TableState want, TableState have) {
    String t = want.name();
    for (ColumnState w : want.columns().values()) {
      ColumnState h = have.columns().get(w.name());
      if (h == null) {
        out.add("column " + t + "." + w.name() + " is gone (dropped or renamed)");
      } else if (!w.type().equals(h.type()) || w.notNull() != h.notNull()) {
        out.add(
            "column "
                + t
                + "."
                + w.name()
                + " is now "
                + h.type()
                + (h.notNull() ? " NOT NULL" : " NULL")
                + ", this version expects "
                + w.type()
                + (w.notNull() ? " NOT NULL" : " NULL"));
      } else if (w.defaultValue() != null && h.defaultValue() == null && h.notNull()) {
        out.add(
            "column "
                + t
                + "."
                + w.name()
                + " lost its default ("
                + w.defaultValue()
                + "), which this version relies on");
      }
    }
    for (ColumnState h : have.columns().values()) {
      if (!want.columns().containsKey(h.name()) && h.notNull() && h.defaultValue() == null) {
        out.add(
            "new column "
                + t
                + "."
                + h.name()
                + " is NOT NULL without a default: rows this version inserts would be refused");
      }
    }
  }

  /**
   * Each of this code's {@code what}s is still there; with {@code sameValue} (named things:
   * indexes, checks) also unchanged, else (keyed by definition: uniques, foreign keys) under any
   * name.
   */
  private static void kept(
      List<String> out,
      String what,
      String table,
      Map<String, String> want,
      Map<String, String> have,
      boolean sameValue) {
    want.forEach(
        (key, value) -> {
          if (!have.containsKey(key)) {
            out.add(what + " " + table + "." + key + " is gone");
          } else if (sameValue && !Objects.equals(value, have.get(key))) {
            out.add(what + " " + table + "." + key + " changed to " + have.get(key));
          }
        });
  }

  /** A {@code what} newer migrations added to one of this code's tables. */
  private static void added(
      List<String> out,
      String what,
      String table,
      Map<String, String> want,
      Map<String, String> have) {
    have.keySet().stream()
        .filter(key -> !want.containsKey(key))
        .forEach(key -> out.add(refusing(what + " " + table + "." + key)));
  }

  private static String refusing(String what) {
    return "new " + what + " may refuse rows this version writes";
  }
}
