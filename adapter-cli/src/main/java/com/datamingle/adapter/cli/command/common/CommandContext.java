package com.datamingle.adapter.cli.command.common;

import com.datamingle.adapter.cli.bootstrap.MigrationWiring;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.migrations.DatabaseMigrator;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command needs from the command line it runs in, mixed into each {@link Subcommand} (or
 * any command, with {@code @Mixin CommandContext context}): its output streams, the settings
 * (environment and global flags), the database's migrator, and usage errors that name the command.
 * It adds no option of its own (picocli takes a mixin only when it carries an annotation, hence the
 * empty {@code @Command}).
 */
@Command
public final class CommandContext {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  /** The command's own name, e.g. {@code upgrade}. */
  public String name() {
    return command.name();
  }

  public PrintWriter out() {
    return command.commandLine().getOut();
  }

  public PrintWriter err() {
    return command.commandLine().getErr();
  }

  public GlobalOptions global() {
    return (GlobalOptions) command.root().userObject();
  }

  public Settings settings() {
    return global().settings();
  }

  public DatabaseMigrator migrator() {
    return MigrationWiring.migrator(settings());
  }

  /** A usage error (exit 2) that picocli reports with this command's --help hint. */
  public CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(command.commandLine(), message);
  }
}
