package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.UsageFailure;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code db upgrade} and {@code db downgrade} share: the TARGET and --sql (each described in
 * the help bundle under its own command), read the target, print the SQL instead with --sql, take a
 * backup when one is due, run with a progress line per migration, and close with what was done and
 * where the database stands. With --json the progress and backup lines go to standard error, and
 * standard output holds one JSON object.
 */
abstract class MigrationRunCommand extends Subcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", descriptionKey = "target")
  String target;

  @Option(names = "--sql")
  boolean sql;

  @Mixin JsonOption json;

  private final String nothing;
  private final String done;

  /**
   * @param nothing the closing line's start when nothing ran
   * @param done the closing line's verb when something did
   */
  MigrationRunCommand(String nothing, String done) {
    this.nothing = nothing;
    this.done = done;
  }

  /** Reads the TARGET argument; a usage error when it is not one. */
  abstract void readTarget();

  abstract String sql(DatabaseMigrator migrator);

  /** Whether to back the database up before running. */
  abstract boolean backupFirst(DatabaseMigrator migrator);

  abstract MigrationReport run(DatabaseMigrator migrator, MigrationListener progress);

  /** What runs after --sql is ruled out and before any backup or change; nothing by default. */
  void beforeRun(DatabaseMigrator migrator, PrintWriter notes) {}

  @Override
  public final Integer call() {
    PrintWriter out = context.out();
    DatabaseMigrator migrator = context.migrator();
    readTarget();
    if (sql) {
      if (json.requested()) {
        throw new UsageFailure("--sql prints SQL, not JSON; give one of --sql and --json");
      }
      out.print(sql(migrator));
      return ExitCode.OK;
    }
    PrintWriter notes = json.requested() ? context.err() : out;
    beforeRun(migrator, notes);
    Path backup = null;
    if (backupFirst(migrator)) {
      backup = new Backups(context, notes).automatic(context.name());
    }
    MigrationReport report = run(migrator, MigrationText.progress(notes));
    if (json.requested()) {
      out.println(Output.json(MigrationText.json(migrator, report, backup)));
    } else {
      MigrationText.printOutcome(out, migrator, report, nothing, done);
    }
    return ExitCode.OK;
  }
}
