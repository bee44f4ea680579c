package com.datamingle.adapter.cli.command.common;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups others ({@code db}, {@code users}, {@code dev}): run alone, it is a
 * usage error that lists its subcommands (CommandTree adds them).
 */
public abstract class GroupCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    List<String> names = new ArrayList<>(spec.subcommands().keySet());
    names.remove("help");
    String list =
        names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " or "
                + names.get(names.size() - 1);
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a " + spec.name() + " command: " + list);
  }
}
