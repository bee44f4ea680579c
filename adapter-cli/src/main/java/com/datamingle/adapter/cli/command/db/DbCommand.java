package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code datamingle db}: the schema's lifecycle. Each subcommand is a class of this package. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Manage the database schema (migrations).")
public final class DbCommand extends GroupCommand {
  /** Its subcommands, in the order help lists them (CommandTree adds them). */
  public static final List<Class<?>> SUBCOMMANDS =
      List.of(
          InitCommand.class,
          NewCommand.class,
          MigrateCommand.class,
          CheckCommand.class,
          DriftCommand.class,
          UpgradeCommand.class,
          DowngradeCommand.class,
          CurrentCommand.class,
          HistoryCommand.class,
          MergeCommand.class,
          StampCommand.class,
          BackupCommand.class,
          RestoreCommand.class,
          RehearseCommand.class,
          ValidateCommand.class,
          RepairCommand.class,
          LintCommand.class,
          ImportCommand.class);
}
