package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.UsageFailure;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datamingle db downgrade [TARGET]}. */
@Command(name = "downgrade", mixinStandardHelpOptions = true)
final class DowngradeCommand extends MigrationRunCommand {
  @Option(names = "--no-backup")
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
