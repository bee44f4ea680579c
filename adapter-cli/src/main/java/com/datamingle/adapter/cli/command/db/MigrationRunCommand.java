package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationReport;
import java.io.PrintWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code db upgrade} and {@code db downgrade} share: the TARGET and --sql (each described in
 * the help bundle under its own command), read the target, print the SQL instead with --sql, take a
 * backup when one is due, run with a progress line per migration, and close with what was done and
 * where the database stands.
 */
abstract class MigrationRunCommand extends Subcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", descriptionKey = "target")
  String target;

  @Option(names = "--sql")
  boolean sql;

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

  @Override
  public final Integer call() {
    PrintWriter out = context.out();
    DatabaseMigrator migrator = context.migrator();
    readTarget();
    if (sql) {
      out.print(sql(migrator));
      return ExitCode.OK;
    }
    if (backupFirst(migrator)) {
      new Backups(context).automatic(context.name());
    }
    MigrationReport report = run(migrator, MigrationText.progress(out));
    MigrationText.printOutcome(out, migrator, report, nothing, done);
    return ExitCode.OK;
  }
}
