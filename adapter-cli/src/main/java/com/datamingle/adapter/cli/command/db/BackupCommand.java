package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.adapter.cli.command.common.UsageFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin JsonOption json;

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
    if (json.requested()) {
      Path file = backups.take(to);
      List<Path> removed = keep == null ? List.of() : backups.pruned(keep);
      Map<String, Object> o = Output.object();
      o.put("backup", file.toAbsolutePath().toString());
      o.put("removed", removed.stream().map(p -> p.toAbsolutePath().toString()).toList());
      context.out().println(Output.json(o));
      return ExitCode.OK;
    }
    backups.backup(to);
    if (keep != null) {
      backups.prune(keep);
    }
    return ExitCode.OK;
  }
}
