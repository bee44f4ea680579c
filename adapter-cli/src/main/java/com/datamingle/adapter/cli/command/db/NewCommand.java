package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.MessageOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import com.datamingle.migrations.scripts.ScriptFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db new -m MESSAGE}: an empty migration to fill in by hand. */
@Command(name = "new", mixinStandardHelpOptions = true)
final class NewCommand extends Subcommand {

  @Mixin MessageOption message;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    Settings settings = context.settings();
    ScriptsFolder.require(settings, "db new");
    List<Path> written =
        ScriptFiles.newMigration(
            MigrationWiring.scripts(settings), message.text(), Clock.systemUTC());
    if (json.requested()) {
      context.out().println(Output.json(Output.object("written", Output.paths(written))));
      return ExitCode.OK;
    }
    written.forEach(p -> context.out().println("wrote " + p));
    context
        .out()
        .println(
            "Fill in both files, review with `db upgrade --sql`, rehearse with `db test`, then"
                + " `db upgrade`.");
    return ExitCode.OK;
  }
}
