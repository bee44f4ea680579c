package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.scripts.ScriptFiles;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code datamingle db init [DIR]}: a migrations folder for project-local scripts. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Scaffold a migrations folder for project-local scripts (sqlite/ and postgresql/, the"
            + " changelog script, a README). Never overwrites.")
final class InitCommand extends Subcommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = "migrations",
      description = "The folder (default: migrations).")
  Path dir;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    List<Path> written = ScriptFiles.scaffold(dir);
    if (json.requested()) {
      context
          .out()
          .println(
              Output.json(
                  Output.object(
                      "folder",
                      dir.toAbsolutePath().toString(),
                      "written",
                      Output.paths(written))));
      return ExitCode.OK;
    }
    written.forEach(p -> context.out().println("wrote " + p));
    context
        .out()
        .println(
            "Use it with --migrations "
                + dir
                + " (or DATAMINGLE_MIGRATIONS="
                + dir
                + "), then `db new -m \"...\"`.");
    return ExitCode.OK;
  }
}
