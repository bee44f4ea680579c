package com.datamingle.migrations.autogen;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptFiles;
import com.datamingle.migrations.scripts.ScriptSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Migrations written from the declared schema, the way Atlas does it: the declaration is loaded
 * into a scratch database, the migrations are replayed into another, both are read by the same
 * introspector, and the difference is rendered as DDL of each dialect. SQLite scratch databases
 * live in memory; PostgreSQL ones are temporary schemas in a PostgreSQL the caller names.
 */
public final class Autogen {
  private final ScriptSource scripts;
  private final DeclaredSchema declared;
  private final Map<Dialect, MigrationTarget> scratchServers;

  /**
   * @param scratchServers where scratch databases of each dialect may be made: a SQLite entry is
   *     ignored (in-memory databases are used); a PostgreSQL entry names a server and database in
   *     which temporary schemas are created and dropped
   */
  public Autogen(
      ScriptSource scripts, DeclaredSchema declared, Map<Dialect, MigrationTarget> scratchServers) {
    this.scripts = scripts;
    this.declared = declared;
    this.scratchServers = new EnumMap<>(Dialect.class);
    this.scratchServers.putAll(scratchServers);
  }

  /**
   * The planned operations of one dialect: from the migrations (replayed) to the declared schema.
   */
  List<SchemaDiff.Operation> plan(Dialect dialect, Map<String, String> renames) {
    try (Scratch declaredDb = Scratch.create(dialect, scratchServers.get(dialect));
        Scratch replayed = Scratch.create(dialect, scratchServers.get(dialect))) {
      declaredDb.execute(Ddl.create(declared, dialect));
      DatabaseMigrator.create(replayed.target(), scripts).upgrade(null, null);
      return SchemaDiff.plan(declared, declaredDb.read(), replayed.read(), dialect, renames);
    }
  }

  /** What a check reports: one line per operation of the target dialect (empty: in sync). */
  public List<String> check(Dialect dialect) {
    return plan(dialect, Map.of()).stream().map(SchemaDiff.Operation::description).toList();
  }

  /** The result of {@link #generate}: the files written and warnings for data-losing steps. */
  public record Generated(List<Path> files, List<String> operations, List<String> warnings) {}

  /**
   * Writes one migration, same id in each dialect's folder, or nothing when nothing differs.
   *
   * @param live the database the migration is for; it must be at head
   */
  public Generated generate(
      DatabaseMigrator live, String message, Map<String, String> renames, Clock clock) {
    MigrationStatus status = live.status();
    if (!status.atHead()) {
      throw new MigrationFailure(
          "Target database is not up to date: run `datamingle db upgrade` before `db migrate`");
    }
    Map<Dialect, List<SchemaDiff.Operation>> plans = new EnumMap<>(Dialect.class);
    for (Dialect d : Dialect.values()) {
      if (d != Dialect.SQLITE && !scratchServers.containsKey(d)) {
        throw new MigrationFailure(
            "db migrate writes the "
                + d.id()
                + " script too and needs a "
                + d.id()
                + " server for a temporary schema: set DATAMINGLE_DEV_POSTGRES_URL (e.g."
                + " postgresql://postgres@127.0.0.1:5432/postgres) or run it with DATABASE_URL on"
                + " PostgreSQL");
      }
      plans.put(d, plan(d, renames));
    }
    if (plans.values().stream().allMatch(List::isEmpty)) {
      return new Generated(List.of(), List.of(), List.of());
    }
    List<Path> files = ScriptFiles.newMigration(scripts, message, clock);
    List<String> warnings = new ArrayList<>();
    for (Path file : files) {
      Dialect d =
          file.getParent().getFileName().toString().equals(Dialect.SQLITE.id())
              ? Dialect.SQLITE
              : Dialect.POSTGRESQL;
      List<SchemaDiff.Operation> ops = plans.get(d);
      StringBuilder text =
          new StringBuilder("-- // ")
              .append(message.strip().replace("\n", " "))
              .append('\n')
              .append(
                  "-- Written by `datamingle db migrate` from the declared schema. Review it before"
                      + " applying.\n");
      for (SchemaDiff.Operation op : ops) {
        text.append("\n-- ").append(op.description()).append('\n');
        if (op.dataLoss()) {
          text.append(
              "-- DATA LOSS: this step can destroy data; back up first (db upgrade --backup)\n");
          warnings.add(d.id() + ": " + op.description() + " can lose data");
        }
        if (op.warning() != null && !text.toString().contains(op.warning())) {
          text.append("-- ").append(op.warning()).append('\n');
          warnings.add(d.id() + ": " + op.warning());
        }
        op.up().forEach(s -> text.append(s).append('\n'));
      }
      text.append("\n-- //@UNDO\n");
      for (int i = ops.size() - 1; i >= 0; i--) {
        text.append("\n-- undo: ").append(ops.get(i).description()).append('\n');
        ops.get(i).undo().forEach(s -> text.append(s).append('\n'));
      }
      try {
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MigrationFailure("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
    List<String> operations =
        plans.get(Dialect.SQLITE).stream().map(SchemaDiff.Operation::description).toList();
    return new Generated(
        files,
        operations.isEmpty()
            ? plans.get(Dialect.POSTGRESQL).stream().map(SchemaDiff.Operation::description).toList()
            : operations,
        warnings.stream().distinct().toList());
  }

  /**
   * Drift: how the live database differs from what its applied migrations should have produced
   * (someone changed a table by hand). One line per difference, empty when none.
   */
  public List<String> drift(DatabaseMigrator live) {
    return new SchemaDrift(scripts, scratchServers).sinceApplied(live);
  }
}
