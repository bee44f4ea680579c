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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Migrations written from the declared schema, the way Atlas does it: the declaration is loaded
 * into a scratch database, the migrations are replayed into another, both are read by the same
 * introspector, and the difference is rendered as DDL of each dialect. SQLite scratch databases
 * live in memory and need no server; PostgreSQL ones are temporary schemas in a PostgreSQL the
 * caller names, used when it answers.
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
      ScratchReplay.toHead(replayed.target(), scripts);
      return SchemaDiff.plan(declared, declaredDb.read(), replayed.read(), dialect, renames);
    }
  }

  /**
   * Both dialects' operations from one comparison on SQLite scratch databases (no server needed):
   * the SQLite difference rendered for each dialect.
   */
  Map<Dialect, List<SchemaDiff.Operation>> planOnSqlite(Map<String, String> renames) {
    try (Scratch declaredDb = Scratch.create(Dialect.SQLITE, null);
        Scratch replayed = Scratch.create(Dialect.SQLITE, null)) {
      declaredDb.execute(Ddl.create(declared, Dialect.SQLITE));
      ScratchReplay.toHead(replayed.target(), scripts);
      var target = declaredDb.read();
      var current = replayed.read();
      var pgTarget = SqliteAsPostgres.target(declared, target);
      Map<Dialect, List<SchemaDiff.Operation>> plans = new EnumMap<>(Dialect.class);
      plans.put(
          Dialect.SQLITE, SchemaDiff.plan(declared, target, current, Dialect.SQLITE, renames));
      plans.put(
          Dialect.POSTGRESQL,
          SchemaDiff.plan(
              declared,
              pgTarget,
              SqliteAsPostgres.current(current, target, pgTarget),
              Dialect.POSTGRESQL,
              renames));
      return plans;
    }
  }

  /** What a check reports: one line per operation of the target dialect (empty: in sync). */
  public List<String> check(Dialect dialect) {
    return plan(dialect, Map.of()).stream().map(SchemaDiff.Operation::description).toList();
  }

  /** The result of {@link #generate}: the files written and warnings for data-losing steps. */
  public record Generated(List<Path> files, List<String> operations, List<String> warnings) {}

  /**
   * Writes one migration, same id in each dialect's folder, or nothing when nothing differs; when a
   * PostgreSQL step must run outside a transaction, a second one follows it (see {@link
   * MigrationText}). The difference is found on SQLite scratch databases; with a PostgreSQL server
   * for scratch schemas, the PostgreSQL script comes from a comparison there, and every script
   * written is then proven: replayed after the existing ones, it must leave nothing to do.
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
    List<String> warnings = new ArrayList<>();
    boolean postgres = postgresReachable(warnings);
    Map<Dialect, List<SchemaDiff.Operation>> plans = planOnSqlite(renames);
    if (postgres) {
      plans.put(Dialect.POSTGRESQL, plan(Dialect.POSTGRESQL, renames));
    }
    if (plans.values().stream().allMatch(List::isEmpty)) {
      return new Generated(List.of(), List.of(), List.of());
    }
    String note =
        postgres
            ? null
            : "PostgreSQL script derived from the SQLite comparison (no PostgreSQL was reachable):"
                + " run `datamingle db check` on PostgreSQL before applying it.";
    List<Path> files = new ArrayList<>(ScriptFiles.newMigration(scripts, message, clock));
    for (Path file : files) {
      Dialect d = dialectOf(file);
      write(file, MigrationText.inTransaction(message, d, plans.get(d), note, warnings));
    }
    if (plans.get(Dialect.POSTGRESQL).stream().anyMatch(SchemaDiff.Operation::outsideTransaction)) {
      List<Path> second =
          ScriptFiles.newMigration(scripts, message + " " + MigrationText.SECOND, clock);
      for (Path file : second) {
        Dialect d = dialectOf(file);
        write(file, MigrationText.outsideTransaction(message, d, plans.get(d)));
      }
      files.addAll(second);
    }
    prove(files, postgres ? List.of(Dialect.values()) : List.of(Dialect.SQLITE), renames);
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
   * Replays the migrations, the new ones included, on scratch databases of each dialect given: they
   * must apply and leave nothing to do; else the files are removed and the failure names why.
   */
  private void prove(List<Path> files, List<Dialect> dialects, Map<String, String> renames) {
    for (Dialect d : dialects) {
      List<String> left;
      try {
        left = plan(d, renames).stream().map(SchemaDiff.Operation::description).toList();
      } catch (MigrationFailure e) {
        remove(files);
        throw new MigrationFailure(
            "the written " + d.id() + " script does not apply: " + e.getMessage(), e);
      }
      if (!left.isEmpty()) {
        remove(files);
        throw new MigrationFailure(
            "the written "
                + d.id()
                + " script leaves differences from the declared schema ("
                + String.join("; ", left)
                + "); nothing was written: write this migration by hand with `datamingle db new`");
      }
    }
  }

  /**
   * Whether PostgreSQL scratch schemas can be made; when one is configured but does not answer,
   * says so in {@code warnings}.
   */
  private boolean postgresReachable(List<String> warnings) {
    MigrationTarget server = scratchServers.get(Dialect.POSTGRESQL);
    String why;
    if (server == null) {
      why = "no PostgreSQL is configured (DATAMINGLE_DEV_POSTGRES_URL)";
    } else {
      try (Connection ignored = Scratch.connect(server)) {
        return true;
      } catch (SQLException e) {
        why =
            server.describe()
                + " does not answer ("
                + MigrationFailure.oneLine(e.getMessage())
                + ")";
      }
    }
    warnings.add(
        "postgresql: "
            + why
            + ", so its script was derived from the SQLite comparison and not replayed on"
            + " PostgreSQL; run `datamingle db check` with a PostgreSQL before applying it");
    return false;
  }

  private static Dialect dialectOf(Path file) {
    return file.getParent().getFileName().toString().equals(Dialect.SQLITE.id())
        ? Dialect.SQLITE
        : Dialect.POSTGRESQL;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationFailure("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void remove(List<Path> files) {
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException ignored) {
        // best effort: the failure reported names the problem
      }
    }
  }

  /**
   * Drift: how the live database differs from what its applied migrations should have produced
   * (someone changed a table by hand). One line per difference, empty when none.
   */
  public List<String> drift(DatabaseMigrator live) {
    return new SchemaDrift(scripts, scratchServers).sinceApplied(live);
  }
}
