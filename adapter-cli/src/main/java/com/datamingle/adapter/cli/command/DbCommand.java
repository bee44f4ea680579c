package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.bootstrap.Wiring;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationEntry;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code datamingle db}: the schema's lifecycle. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Manage the database schema (migrations).",
    subcommands = {
      DbMoreCommands.Init.class,
      DbMoreCommands.New.class,
      AutogenCommands.Migrate.class,
      AutogenCommands.Check.class,
      AutogenCommands.Drift.class,
      DbUpgradeCommand.class,
      DbDowngradeCommand.class,
      DbCurrentCommand.class,
      DbHistoryCommand.class,
      DbMoreCommands.Merge.class,
      DbMoreCommands.Stamp.class,
      DbMoreCommands.Backup.class,
      DbMoreCommands.Restore.class,
      DbMoreCommands.Test.class,
      DbMoreCommands.Validate.class,
      DbMoreCommands.Repair.class,
      com.datamingle.adapter.cli.command.db.ImportCommand.class
    })
final class DbCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a db command: init, new, migrate, check, drift, upgrade, downgrade, current, history,"
            + " merge, stamp, backup, restore, test, validate, repair or import");
  }

  static RootCommand root(CommandLine.Model.CommandSpec spec) {
    return (RootCommand) spec.root().userObject();
  }

  static Settings settings(CommandLine.Model.CommandSpec spec) {
    return root(spec).settings();
  }

  static DatabaseMigrator migrator(CommandLine.Model.CommandSpec spec) {
    return Wiring.migrator(settings(spec));
  }

  /** Prints one line as each migration starts and how long it took when it ends. */
  static MigrationListener progress(PrintWriter out) {
    return new MigrationListener() {
      @Override
      public void starting(MigrationEntry migration, boolean undo) {
        out.print((undo ? "Undoing  " : "Applying ") + migration.label() + " ... ");
        out.flush();
      }

      @Override
      public void finished(MigrationEntry migration, boolean undo, Duration took) {
        out.println("done in " + took.toMillis() + " ms");
      }
    };
  }

  /** The closing line of an upgrade or downgrade: what it did and where the database stands. */
  static void printOutcome(
      PrintWriter out,
      DatabaseMigrator migrator,
      com.datamingle.migrations.MigrationReport report,
      String nothing,
      String done) {
    String where =
        "Database " + migrator.target().describe() + " is at " + describe(report.after());
    out.println(
        report.ran().isEmpty()
            ? nothing + " " + where
            : done + " " + report.ran().size() + " migration(s). " + where);
  }

  /** The one line that says where the database stands. */
  static String describe(MigrationStatus status) {
    String version =
        status.current().map(MigrationEntry::label).orElse("empty (no migration applied)");
    long pending = status.withState(MigrationEntry.State.PENDING).size();
    long outOfOrder = status.withState(MigrationEntry.State.OUT_OF_ORDER).size();
    long missing = status.withState(MigrationEntry.State.MISSING_SCRIPT).size();
    if (status.atHead()) {
      return version + " (head)";
    }
    StringBuilder b = new StringBuilder(version).append(" (not at head:");
    if (pending > 0) {
      b.append(' ').append(pending).append(" pending, run `datamingle db upgrade`");
    }
    if (outOfOrder > 0) {
      b.append(' ').append(outOfOrder).append(" older migration(s) never applied");
    }
    if (missing > 0) {
      b.append(' ').append(missing).append(" applied migration(s) without a script here");
    }
    return b.append(')').toString();
  }

  static Map<String, Object> json(MigrationEntry e) {
    Map<String, Object> o = Output.object();
    o.put("id", e.id());
    o.put("description", e.description());
    o.put("file", e.fileName());
    o.put("applied_at", e.appliedAt());
    o.put("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
    o.put("checksum_mismatch", e.checksumMismatch());
    return o;
  }
}
