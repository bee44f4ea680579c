package com.datamingle.migrations.autogen;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.schema.Catalog;
import com.datamingle.migrations.schema.Catalog.TableState;
import com.datamingle.migrations.scripts.ScriptSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live schema against what migrations make: the migrations are replayed into a scratch database
 * (an in-memory SQLite database, or a temporary schema in the PostgreSQL the caller names, by
 * default the live one), both are read by the same {@link Catalog}, and every table, column, index
 * and constraint that differs is named. The changelog is left out on both sides, so a database
 * without one (made by hand, or by another tool) compares too. The live database is only read.
 */
public final class SchemaDrift {
  private final ScriptSource scripts;
  private final Map<Dialect, MigrationTarget> scratchServers;

  /**
   * @param scratchServers where PostgreSQL scratch schemas may be made; without an entry, in the
   *     live database itself (which needs the CREATE privilege on it)
   */
  public SchemaDrift(ScriptSource scripts, Map<Dialect, MigrationTarget> scratchServers) {
    this.scripts = scripts;
    this.scratchServers = new EnumMap<>(Dialect.class);
    this.scratchServers.putAll(scratchServers);
  }

  /** How the live schema differs from what its applied migrations make; empty when it does not. */
  public List<String> sinceApplied(DatabaseMigrator live) {
    return against(live, live.status().current().map(MigrationEntry::id).orElse(null));
  }

  /**
   * How the live schema differs from what the migrations up to {@code version} make (null: no
   * migration, an empty schema); one line per difference, empty when none.
   */
  public List<String> against(DatabaseMigrator live, String version) {
    Schemas schemas = schemas(live, version);
    return differences(schemas.expected(), schemas.live());
  }

  /** What the migrations up to a version make, and what the live database has. */
  record Schemas(Map<String, TableState> expected, Map<String, TableState> live) {}

  /**
   * The schema the migrations up to {@code version} make (null: none), built in a scratch database,
   * beside the live one.
   */
  Schemas schemas(DatabaseMigrator live, String version) {
    MigrationTarget target = live.target();
    Dialect d = target.dialect();
    try (Scratch expected = Scratch.create(d, scratchServers.getOrDefault(d, target))) {
      if (version != null) {
        ScratchReplay.upTo(expected.target(), scripts, version);
      }
      Map<String, TableState> want = expected.read();
      try (Connection c = Scratch.connect(target)) {
        return new Schemas(want, Catalog.read(c, d));
      }
    } catch (SQLException e) {
      throw new MigrationFailure(
          "cannot read the schema of "
              + target.describe()
              + ": "
              + MigrationFailure.oneLine(e.getMessage()),
          e);
    }
  }

  private static List<String> differences(
      Map<String, TableState> want, Map<String, TableState> have) {
    List<String> differences = new ArrayList<>();
    for (String t : want.keySet()) {
      if (!have.containsKey(t)) {
        differences.add("table " + t + " is missing");
      }
    }
    for (String t : have.keySet()) {
      if (!want.containsKey(t)) {
        differences.add("table " + t + " is not made by any applied migration");
      }
    }
    for (String t : want.keySet()) {
      TableState w = want.get(t);
      TableState h = have.get(t);
      if (h == null) {
        continue;
      }
      compare(differences, "column", t, w.columns().keySet(), h.columns().keySet());
      for (String c : w.columns().keySet()) {
        if (h.columns().containsKey(c) && !w.columns().get(c).equals(h.columns().get(c))) {
          differences.add(
              "column "
                  + t
                  + "."
                  + c
                  + " is "
                  + h.columns().get(c).ddl()
                  + ", migrations made "
                  + w.columns().get(c).ddl());
        }
      }
      compare(differences, "index", t, w.indexes().keySet(), h.indexes().keySet());
      compare(differences, "unique constraint", t, w.uniques().keySet(), h.uniques().keySet());
      compare(differences, "foreign key", t, w.foreignKeys().keySet(), h.foreignKeys().keySet());
      compare(differences, "check", t, w.checks().keySet(), h.checks().keySet());
    }
    return differences;
  }

  private static void compare(
      List<String> out, String what, String table, Set<String> want, Set<String> have) {
    for (String x : want) {
      if (!have.contains(x)) {
        out.add(what + " " + table + "." + x + " is missing (dropped by hand?)");
      }
    }
    for (String x : have) {
      if (!want.contains(x)) {
        out.add(
            what
                + " "
                + table
                + "."
                + x
                + " is not made by any applied migration (added by hand?)");
      }
    }
  }
}
