package com.datamingle.adapter.cli.command.db;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datamingle db upgrade [TARGET]}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true)
final class UpgradeCommand extends MigrationRunCommand {
  @Option(names = "--backup")
  boolean backup;

  /** The version to stop at; null for head. */
  private String version;

  UpgradeCommand() {
    super("Nothing to apply.", "Applied");
  }

  @Override
  void readTarget() {
    version = target == null || target.equals("head") ? null : target;
  }

  @Override
  String sql(DatabaseMigrator migrator) {
    return migrator.upgradeSql(version);
  }

  @Override
  boolean backupFirst(DatabaseMigrator migrator) {
    return backup && migrator.status().current().isPresent();
  }

  @Override
  MigrationReport run(DatabaseMigrator migrator, MigrationListener progress) {
    return migrator.upgrade(version, progress);
  }
}
