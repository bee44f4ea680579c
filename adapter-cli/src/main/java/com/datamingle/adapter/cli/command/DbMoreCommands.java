package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.bootstrap.Wiring;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationRehearsal;
import com.datamingle.migrations.MigrationReport;
import com.datamingle.migrations.MigrationStatus;
import com.datamingle.migrations.backup.DatabaseBackup;
import com.datamingle.migrations.backup.DatabaseRestore;
import com.datamingle.migrations.schema.DatabaseOrigin;
import com.datamingle.migrations.scripts.ScriptFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The rest of the schema lifecycle: init, new, merge, stamp, backup, restore, test, validate,
 * repair.
 */
final class DbMoreCommands {
  private DbMoreCommands() {}

  static PrintWriter out(CommandLine.Model.CommandSpec spec) {
    return spec.commandLine().getOut();
  }

  /** Takes a backup the operator asked for and says where; the path goes to standard output. */
  static Path backup(CommandLine.Model.CommandSpec spec, Path to) {
    DatabaseMigrator migrator = DbCommand.migrator(spec);
    DatabaseBackup backup = new DatabaseBackup(migrator.target());
    Path file =
        backup.backup(
            to != null
                ? to
                : backup.defaultFile(
                    DbCommand.settings(spec).backupDirOrWorkingDir(), Clock.systemUTC()));
    out(spec).println("Backup written to " + file.toAbsolutePath());
    return file;
  }

  /**
   * The backup taken automatically before {@code command} changes data: says where, then keeps only
   * the newest DATAMINGLE_BACKUP_KEEP automatic backups of this database (never one the operator
   * took, nor any file this tool did not name).
   */
  static Path automaticBackup(CommandLine.Model.CommandSpec spec, String command) {
    Settings settings = DbCommand.settings(spec);
    DatabaseBackup backup = new DatabaseBackup(DbCommand.migrator(spec).target());
    Path file =
        backup.backup(
            backup.defaultFile(settings.backupDirOrWorkingDir(), Clock.systemUTC(), command));
    out(spec).println("Backup written to " + file.toAbsolutePath());
    if (settings.backupKeep() > 0) {
      removed(
          spec,
          backup.prune(settings.backupDirOrWorkingDir(), settings.backupKeep(), true),
          "automatic ");
    }
    return file;
  }

  private static void removed(CommandLine.Model.CommandSpec spec, List<Path> deleted, String kind) {
    deleted.forEach(
        f -> out(spec).println("Removed the older " + kind + "backup " + f.toAbsolutePath()));
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description =
          "Scaffold a migrations folder for project-local scripts (sqlite/ and postgresql/, the"
              + " changelog script, a README). Never overwrites.")
  static final class Init implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "DIR",
        defaultValue = "migrations",
        description = "The folder (default: migrations).")
    Path dir;

    @Override
    public Integer call() {
      List<Path> written = ScriptFiles.scaffold(dir);
      written.forEach(p -> out(spec).println("wrote " + p));
      out(spec)
          .println(
              "Use it with --migrations "
                  + dir
                  + " (or DATAMINGLE_MIGRATIONS="
                  + dir
                  + "), then `db new -m \"...\"`.");
      return RootCommand.OK;
    }
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description =
          "Write a new timestamped migration, with up and undo sections, for each database, into"
              + " the --migrations folder.")
  static final class New implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-m", "--message"},
        required = true,
        paramLabel = "MESSAGE",
        description = "What the migration does, e.g. \"add teams table\".")
    String message;

    @Override
    public Integer call() {
      var settings = DbCommand.settings(spec);
      if (settings.migrationsDir() == null) {
        throw new RootCommand.UsageFailure(
            "db new writes into a scripts folder: pass --migrations DIR or set"
                + " DATAMINGLE_MIGRATIONS (from a checkout, ./datamingle does that for you)");
      }
      List<Path> written =
          ScriptFiles.newMigration(Wiring.scripts(settings), message, Clock.systemUTC());
      written.forEach(p -> out(spec).println("wrote " + p));
      out(spec)
          .println(
              "Fill in both files, review with `db upgrade --sql`, rehearse with `db test`, then"
                  + " `db upgrade`.");
      return RootCommand.OK;
    }
  }

  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Parallel work: list scripts older than the newest applied migration that were never"
            + " applied.",
        "--apply runs them in id order; --renumber gives them new ids after head (the next upgrade"
            + " applies them)."
      })
  static final class Merge implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--apply", description = "Apply them now, in id order.")
    boolean apply;

    @Option(
        names = "--renumber",
        description = "Rename them to ids after head, in every dialect's folder.")
    boolean renumber;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      if (apply && renumber) {
        throw new RootCommand.UsageFailure("choose --apply or --renumber, not both");
      }
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      if (apply) {
        MigrationReport report = migrator.applyOutOfOrder(DbCommand.progress(out(spec)));
        out(spec)
            .println(
                report.ran().isEmpty()
                    ? "Nothing to merge."
                    : "Merged "
                        + report.ran().size()
                        + " migration(s). Database is at "
                        + DbCommand.describe(report.after()));
        return RootCommand.OK;
      }
      if (renumber) {
        Map<String, String> renamed = migrator.renumberOutOfOrder(Clock.systemUTC());
        renamed.forEach((from, to) -> out(spec).println("renamed " + from + " -> " + to));
        out(spec)
            .println(
                renamed.isEmpty() ? "Nothing to renumber." : "Now run `datamingle db upgrade`.");
        return RootCommand.OK;
      }
      List<MigrationEntry> outOfOrder = migrator.outOfOrder();
      if (json) {
        out(spec).println(Output.json(outOfOrder.stream().map(DbCommand::json).toList()));
      } else if (outOfOrder.isEmpty()) {
        out(spec)
            .println(
                "No parallel work: every script older than the database's version is applied.");
      } else {
        outOfOrder.forEach(e -> out(spec).println("not applied: " + e.fileName()));
        out(spec)
            .println(
                "Run `datamingle db merge --apply` to apply them in id order, or `db merge"
                    + " --renumber` to move them after head.");
      }
      return RootCommand.OK;
    }
  }

  @Command(
      name = "stamp",
      mixinStandardHelpOptions = true,
      description = {
        "Mark migrations as applied up to TARGET without running them (adopting a database whose"
            + " schema was made",
        "some other way); an older TARGET unmarks newer ones. Refuses, naming the differences, when"
            + " the live schema is not",
        "what the migrations up to TARGET make (as `db drift` compares); --force marks anyway."
      })
  static final class Stamp implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "A migration id, or head.")
    String target;

    @Option(
        names = "--force",
        description =
            "Stamp even when the live schema differs from what the migrations up to TARGET make.")
    boolean force;

    @Override
    public Integer call() {
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      String version = migrator.stampTarget(target);
      PrintWriter out = out(spec);
      if (!force) {
        List<String> differences =
            Wiring.schemaDrift(DbCommand.settings(spec)).against(migrator, version);
        if (!differences.isEmpty()) {
          differences.forEach(d -> out.println("DIFFERENCE " + d));
          DatabaseOrigin origin = migrator.origin();
          throw new RootCommand.KnownFailure(
              "refusing to stamp "
                  + version
                  + ": the live schema is not what the migrations up to "
                  + version
                  + " make ("
                  + differences.size()
                  + " difference(s), above); nothing was written."
                  + (origin.foreign()
                      ? " It is a database "
                          + origin.describe()
                          + "; "
                          + DatabaseOrigin.wayIn()
                          + "; --force marks it anyway."
                      : " Stamp the version the schema matches, fix the schema, or add --force to"
                          + " mark it anyway."));
        }
      }
      DatabaseMigrator.Stamped stamped = migrator.stamp(target);
      stamped
          .ran()
          .forEach(e -> out.println("created the changelog table (ran " + e.label() + ")"));
      stamped.marked().forEach(e -> out.println("marked as applied (not run): " + e.label()));
      stamped
          .unmarked()
          .forEach(
              e ->
                  out.println(
                      "unmarked (no longer recorded as applied; its tables stay): " + e.label()));
      out.println(
          (stamped.nothing() ? "Nothing to stamp: the changelog already says so. " : "")
              + "Database is at "
              + DbCommand.describe(migrator.status()));
      return RootCommand.OK;
    }
  }

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description =
          "Back the database up: SQLite, a consistent copy taken safely while the server runs;"
              + " PostgreSQL, pg_dump of the schema.")
  static final class Backup implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--to",
        paramLabel = "FILE",
        description = "Where; default beside the SQLite file, or in this folder for PostgreSQL.")
    Path to;

    @Option(
        names = "--keep",
        paramLabel = "N",
        description = {
          "Then keep only the newest N backups of this database that datamingle named",
          "(files of other names are never touched); not with --to."
        })
    Integer keep;

    @Override
    public Integer call() {
      if (keep != null && to != null) {
        throw new RootCommand.UsageFailure(
            "--keep prunes the backups datamingle names itself; it cannot be combined with --to");
      }
      if (keep != null && keep < 1) {
        throw new RootCommand.UsageFailure(
            "--keep " + keep + " would delete every backup; give 1 or more");
      }
      backup(spec, to);
      if (keep != null) {
        DatabaseBackup backup = new DatabaseBackup(DbCommand.migrator(spec).target());
        removed(
            spec, backup.prune(DbCommand.settings(spec).backupDirOrWorkingDir(), keep, false), "");
      }
      return RootCommand.OK;
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Replace the database's contents with a backup made by `db backup`. Checks the file first"
            + " (SQLite: a sound",
        "SQLite database with DataMingle's changelog; PostgreSQL: a dump pg_restore reads to the"
            + " end, with the changelog),",
        "backs up the current database, then swaps in one step that happens whole or not at all."
            + " Asks first (or --yes)."
      })
  static final class Restore implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() {
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      PrintWriter out = out(spec);
      try (DatabaseRestore.Verified backup = new DatabaseRestore(migrator.target()).verify(file)) {
        MigrationStatus scripts = migrator.status();
        Map<String, MigrationEntry> known = new java.util.HashMap<>();
        scripts.entries().stream()
            .filter(e -> e.state() != MigrationEntry.State.MISSING_SCRIPT)
            .forEach(e -> known.put(new java.math.BigDecimal(e.id()).toPlainString(), e));
        List<String> unknown =
            backup.applied().stream().filter(id -> !known.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
          throw new RootCommand.KnownFailure(
              file
                  + " holds migration(s) "
                  + unknown
                  + " that this build does not have: it was made by a newer datamingle; restore it"
                  + " with that build (or its --migrations folder). The database is unchanged");
        }
        String head = scripts.head().map(MigrationEntry::id).orElse(null);
        String version = backup.version().orElse(null);
        String label = version == null ? "no migration applied" : known.get(version).label();
        out.println(
            file
                + " is a DataMingle backup at "
                + label
                + (Objects.equals(version, head)
                    ? " (this build's head)."
                    : "; this build's head is "
                        + (head == null ? "none" : known.get(head).label())
                        + ": after the restore, run `datamingle db upgrade` to bring it to head."));
        Confirm.require(
            yes,
            "This replaces everything in "
                + migrator.target().describe()
                + " with "
                + file
                + " (the current contents are backed up first).",
            "--yes");
        if (migrator.origin().kind() != DatabaseOrigin.Kind.EMPTY) {
          automaticBackup(spec, "restore");
        }
        new DatabaseRestore(migrator.target()).apply(backup);
      }
      MigrationStatus after = migrator.status();
      out.println("Restored " + file + ". Database is at " + DbCommand.describe(after));
      return RootCommand.OK;
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Rehearse the pending migrations on a copy of the database: apply, undo, apply again,"
              + " comparing the schema after each step. The real database is untouched.")
  static final class Test implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      var settings = DbCommand.settings(spec);
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      MigrationRehearsal.Result result =
          new MigrationRehearsal(migrator.target(), Wiring.scripts(settings))
              .run(Path.of(System.getProperty("java.io.tmpdir")));
      if (json) {
        Map<String, Object> o = Output.object();
        o.put("rehearsed", result.rehearsed().stream().map(MigrationEntry::id).toList());
        o.put("passed", result.passed());
        o.put("differences", result.differences());
        out(spec).println(Output.json(o));
      } else if (result.rehearsed().isEmpty()) {
        out(spec)
            .println("Nothing pending: the database is at head, so there is nothing to rehearse.");
      } else {
        out(spec)
            .println(
                "Rehearsed on a copy: "
                    + result.rehearsed().stream().map(MigrationEntry::label).toList());
        if (result.passed()) {
          out(spec)
              .println(
                  "OK: undo restored the schema exactly, and applying again gave the same schema.");
        } else {
          result.differences().forEach(d -> out(spec).println("DIFFERENCE " + d));
        }
      }
      if (!result.passed()) {
        throw new RootCommand.KnownFailure(
            "the rehearsal found "
                + result.differences().size()
                + " difference(s); fix the undo sections before applying");
      }
      return RootCommand.OK;
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Check that every applied migration still has its script, unedited (by checksum), and"
              + " that none was skipped.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      List<String> problems = DbCommand.migrator(spec).validate();
      if (json) {
        Map<String, Object> o = Output.object();
        o.put("valid", problems.isEmpty());
        o.put("problems", problems);
        out(spec).println(Output.json(o));
      } else if (problems.isEmpty()) {
        out(spec).println("Valid: every applied migration matches its script.");
      } else {
        problems.forEach(p -> out(spec).println("PROBLEM " + p));
      }
      if (!problems.isEmpty()) {
        throw new RootCommand.KnownFailure(problems.size() + " problem(s) found");
      }
      return RootCommand.OK;
    }
  }

  @Command(
      name = "repair",
      mixinStandardHelpOptions = true,
      description =
          "Accept the current files of edited applied migrations by recording their checksums. Asks"
              + " first (or --yes).")
  static final class Repair implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() {
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      List<MigrationEntry> edited =
          migrator.status().entries().stream().filter(MigrationEntry::checksumMismatch).toList();
      if (edited.isEmpty()) {
        out(spec).println("Nothing to repair: every applied migration matches its script.");
        return RootCommand.OK;
      }
      edited.forEach(e -> out(spec).println("edited since applied: " + e.fileName()));
      Confirm.require(
          yes,
          "The database keeps the schema these scripts made when they were applied; repair only"
              + " records the current files as the applied ones.",
          "--yes");
      migrator.repair().forEach(e -> out(spec).println("accepted " + e.fileName()));
      return RootCommand.OK;
    }
  }
}
