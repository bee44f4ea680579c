package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.command.common.LintAllowOption;
import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code datamingle db upgrade [TARGET]}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true)
final class UpgradeCommand extends MigrationRunCommand {
  @Option(names = "--backup")
  boolean backup;

  @Mixin LintAllowOption allow;

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

  /** The lint gate: nothing is applied while a pending script holds an unaccepted error. */
  @Override
  void beforeRun(DatabaseMigrator migrator, PrintWriter notes) {
    allow.gate(migrator.target(), MigrationWiring.scripts(context.settings()), version, notes);
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
