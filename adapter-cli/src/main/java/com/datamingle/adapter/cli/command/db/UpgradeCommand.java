package com.datamingle.adapter.cli.command.db;

import com.datamingle.migrations.DatabaseMigrator;
import com.datamingle.migrations.MigrationListener;
import com.datamingle.migrations.MigrationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datamingle db upgrade [TARGET]}. */
@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = "Apply pending migrations, to the newest (head) or up to TARGET.")
final class UpgradeCommand extends MigrationRunCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TARGET",
      description = "A migration id (see `db history`), or `head` (the default).")
  String target;

  @Option(
      names = "--sql",
      description =
          "Print the exact SQL that would run (changelog statements included) and change nothing.")
  boolean sql;

  @Option(names = "--backup", description = "Back the database up first (see `db backup`).")
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
  boolean sqlOnly() {
    return sql;
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
