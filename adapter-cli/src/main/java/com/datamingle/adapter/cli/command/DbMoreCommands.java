package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Wiring;
import com.datamingle.migrations.DatabaseBackup;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationRehearsal;
import com.datamingle.migrations.MigrationReport;
import com.datamingle.migrations.ScriptFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The rest of the schema lifecycle: init, new, merge, stamp, backup, restore, test, validate, repair. */
final class DbMoreCommands {
  private DbMoreCommands() {}

  static PrintWriter out(CommandLine.Model.CommandSpec spec) {
    return spec.commandLine().getOut();
  }

  /** Takes a backup and says where; the path goes to standard output. */
  static Path backup(CommandLine.Model.CommandSpec spec, Path to) {
    DatabaseMigrator migrator = DbCommand.migrator(spec);
    DatabaseBackup backup = new DatabaseBackup(migrator.target());
    Path file = backup.backup(to != null ? to : backup.defaultFile(DbCommand.settings(spec).backupDirOrWorkingDir(), Clock.systemUTC()));
    out(spec).println("Backup written to " + file.toAbsolutePath());
    return file;
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Scaffold a migrations folder for project-local scripts (sqlite/ and postgresql/, the changelog script, a README). Never overwrites.")
  static final class Init implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "migrations", description = "The folder (default: migrations).")
    Path dir;

    @Override
    public Integer call() {
      List<Path> written = ScriptFiles.scaffold(dir);
      written.forEach(p -> out(spec).println("wrote " + p));
      out(spec).println("Use it with --migrations " + dir + " (or DATAMINGLE_MIGRATIONS=" + dir + "), then `db new -m \"...\"`.");
      return RootCommand.OK;
    }
  }

  @Command(name = "new", mixinStandardHelpOptions = true,
      description = "Write a new timestamped migration, with up and undo sections, for each database, into the --migrations folder.")
  static final class New implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE", description = "What the migration does, e.g. \"add teams table\".")
    String message;

    @Override
    public Integer call() {
      var settings = DbCommand.settings(spec);
      if (settings.migrationsDir() == null) {
        throw new RootCommand.UsageFailure("db new writes into a scripts folder: pass --migrations DIR or set DATAMINGLE_MIGRATIONS"
            + " (from a checkout, ./datamingle does that for you)");
      }
      List<Path> written = ScriptFiles.newMigration(Wiring.scripts(settings), message, Clock.systemUTC());
      written.forEach(p -> out(spec).println("wrote " + p));
      out(spec).println("Fill in both files, review with `db upgrade --sql`, rehearse with `db test`, then `db upgrade`.");
      return RootCommand.OK;
    }
  }

  @Command(name = "merge", mixinStandardHelpOptions = true,
      description = {"Parallel work: list scripts older than the newest applied migration that were never applied.",
          "--apply runs them in id order; --renumber gives them new ids after head (the next upgrade applies them)."})
  static final class Merge implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--apply", description = "Apply them now, in id order.") boolean apply;

    @Option(names = "--renumber", description = "Rename them to ids after head, in every dialect's folder.") boolean renumber;

    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      if (apply && renumber) {
        throw new RootCommand.UsageFailure("choose --apply or --renumber, not both");
      }
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      if (apply) {
        MigrationReport report = migrator.applyOutOfOrder(DbCommand.progress(out(spec)));
        out(spec).println(report.ran().isEmpty() ? "Nothing to merge." : "Merged " + report.ran().size() + " migration(s). Database is at "
            + DbCommand.describe(report.after()));
        return RootCommand.OK;
      }
      if (renumber) {
        Map<String, String> renamed = migrator.renumberOutOfOrder(Clock.systemUTC());
        renamed.forEach((from, to) -> out(spec).println("renamed " + from + " -> " + to));
        out(spec).println(renamed.isEmpty() ? "Nothing to renumber." : "Now run `datamingle db upgrade`.");
        return RootCommand.OK;
      }
      List<MigrationEntry> outOfOrder = migrator.outOfOrder();
      if (json) {
        out(spec).println(Output.json(outOfOrder.stream().map(DbCommand::json).toList()));
      } else if (outOfOrder.isEmpty()) {
        out(spec).println("No parallel work: every script older than the database's version is applied.");
      } else {
        outOfOrder.forEach(e -> out(spec).println("not applied: " + e.fileName()));
        out(spec).println("Run `datamingle db merge --apply` to apply them in id order, or `db merge --renumber` to move them after head.");
      }
      return RootCommand.OK;
    }
  }

  @Command(name = "stamp", mixinStandardHelpOptions = true,
      description = "Mark migrations as applied up to TARGET without running them (adopting an existing database); an older TARGET unmarks newer ones.")
  static final class Stamp implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "A migration id, or head.") String target;

    @Override
    public Integer call() {
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      List<MigrationEntry> changed = migrator.stamp(target);
      changed.forEach(e -> out(spec).println("stamped " + e.label()));
      out(spec).println((changed.isEmpty() ? "Nothing to stamp. " : "") + "Database is at " + DbCommand.describe(migrator.status()));
      return RootCommand.OK;
    }
  }

  @Command(name = "backup", mixinStandardHelpOptions = true,
      description = "Back the database up: SQLite, a consistent copy taken safely while the server runs; PostgreSQL, pg_dump of the schema.")
  static final class Backup implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", paramLabel = "FILE", description = "Where; default beside the SQLite file, or in this folder for PostgreSQL.")
    Path to;

    @Override
    public Integer call() {
      backup(spec, to);
      return RootCommand.OK;
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true,
      description = "Replace the database's contents with a backup made by `db backup`. Asks first (or --yes).")
  static final class Restore implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Option(names = "--yes", description = "Do not ask.") boolean yes;

    @Override
    public Integer call() {
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      Confirm.require(yes, "This replaces everything in " + migrator.target().describe() + " with " + file + ".", "--yes");
      new DatabaseBackup(migrator.target()).restore(file);
      out(spec).println("Restored " + file + ". Database is at " + DbCommand.describe(migrator.status()));
      return RootCommand.OK;
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = "Rehearse the pending migrations on a copy of the database: apply, undo, apply again, comparing the schema"
          + " after each step. The real database is untouched.")
  static final class Test implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      var settings = DbCommand.settings(spec);
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      MigrationRehearsal.Result result = new MigrationRehearsal(migrator.target(), Wiring.scripts(settings))
          .run(Path.of(System.getProperty("java.io.tmpdir")));
      if (json) {
        Map<String, Object> o = Output.object();
        o.put("rehearsed", result.rehearsed().stream().map(MigrationEntry::id).toList());
        o.put("passed", result.passed());
        o.put("differences", result.differences());
        out(spec).println(Output.json(o));
      } else if (result.rehearsed().isEmpty()) {
        out(spec).println("Nothing pending: the database is at head, so there is nothing to rehearse.");
      } else {
        out(spec).println("Rehearsed on a copy: " + result.rehearsed().stream().map(MigrationEntry::label).toList());
        if (result.passed()) {
          out(spec).println("OK: undo restored the schema exactly, and applying again gave the same schema.");
        } else {
          result.differences().forEach(d -> out(spec).println("DIFFERENCE " + d));
        }
      }
      if (!result.passed()) {
        throw new RootCommand.KnownFailure("the rehearsal found " + result.differences().size()
            + " difference(s); fix the undo sections before applying");
      }
      return RootCommand.OK;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check that every applied migration still has its script, unedited (by checksum), and that none was skipped.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.") boolean json;

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

  @Command(name = "repair", mixinStandardHelpOptions = true,
      description = "Accept the current files of edited applied migrations by recording their checksums. Asks first (or --yes).")
  static final class Repair implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--yes", description = "Do not ask.") boolean yes;

    @Override
    public Integer call() {
      DatabaseMigrator migrator = DbCommand.migrator(spec);
      List<MigrationEntry> edited = migrator.status().entries().stream().filter(MigrationEntry::checksumMismatch).toList();
      if (edited.isEmpty()) {
        out(spec).println("Nothing to repair: every applied migration matches its script.");
        return RootCommand.OK;
      }
      edited.forEach(e -> out(spec).println("edited since applied: " + e.fileName()));
      Confirm.require(yes, "The database keeps the schema these scripts made when they were applied; repair only records the"
          + " current files as the applied ones.", "--yes");
      migrator.repair().forEach(e -> out(spec).println("accepted " + e.fileName()));
      return RootCommand.OK;
    }
  }
}
