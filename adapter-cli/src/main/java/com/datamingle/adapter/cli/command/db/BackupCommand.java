package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.UsageFailure;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datamingle db backup}. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Back the database up: SQLite, a consistent copy taken safely while the server runs;"
            + " PostgreSQL, pg_dump of the schema.")
final class BackupCommand extends Subcommand {

  @Option(
      names = "--to",
      paramLabel = "FILE",
      description = "Where; default beside the SQLite file, or in this folder for PostgreSQL.")
  Path to;

  @Option(
      names = "--keep",
      paramLabel = "N",
      description = {
        "Then keep only the newest N backups of this database that datamingle named",
        "(files of other names are never touched); not with --to."
      })
  Integer keep;

  @Override
  public Integer call() {
    if (keep != null && to != null) {
      throw new UsageFailure(
          "--keep prunes the backups datamingle names itself; it cannot be combined with --to");
    }
    if (keep != null && keep < 1) {
      throw new UsageFailure("--keep " + keep + " would delete every backup; give 1 or more");
    }
    Backups backups = new Backups(context);
    backups.backup(to);
    if (keep != null) {
      backups.prune(keep);
    }
    return ExitCode.OK;
  }
}
