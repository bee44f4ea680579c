package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.UsageFailure;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datamingle db downgrade [TARGET]}. */
@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description = "Undo applied migrations: one step by default.")
final class DowngradeCommand extends MigrationRunCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TARGET",
      description =
          "-N to undo N steps, a migration id to go back to it (it stays applied), or `base` to"
              + " undo everything.")
  String target;

  @Option(names = "--sql", description = "Print the exact SQL that would run and change nothing.")
  boolean sql;

  @Option(
      names = "--no-backup",
      description =
          "Skip the backup taken before undoing (not recommended). The newest"
              + " DATAMINGLE_BACKUP_KEEP (default 10) automatic backups are kept.")
  boolean noBackup;

  /** Steps to undo, when the target is -N (or absent). */
  private int steps;

  /** The version to go back to, when the target is an id or base. */
  private String version;

  DowngradeCommand() {
    super("Nothing to undo.", "Undid");
  }

  @Override
  void readTarget() {
    if (target == null) {
      steps = 1;
    } else if (target.matches("-\\d+")) {
      try {
        steps = Integer.parseInt(target.substring(1));
      } catch (NumberFormatException e) {
        throw new UsageFailure(
            "'" + target + "' is too many steps; give -N with a small N, an id or base");
      }
    } else if (target.equals("base") || target.matches("\\d+")) {
      version = target;
    } else {
      throw new UsageFailure(
          "'" + target + "' is not a downgrade target; give -N (steps), a migration id, or base");
    }
  }

  @Override
  boolean sqlOnly() {
    return sql;
  }

  @Override
  String sql(DatabaseMigrator migrator) {
    return version == null ? migrator.downgradeStepsSql(steps) : migrator.downgradeToSql(version);
  }

  @Override
  boolean backupFirst(DatabaseMigrator migrator) {
    var status = migrator.status();
    var undo =
        version == null
            ? migrator.plannedDowngradeSteps(status, steps)
            : migrator.plannedDowngradeTo(status, version);
    return !undo.isEmpty() && !noBackup;
  }

  @Override
  MigrationReport run(DatabaseMigrator migrator, MigrationListener progress) {
    return version == null
        ? migrator.downgradeSteps(steps, progress)
        : migrator.downgradeTo(version, progress);
  }
}
