package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.command.completion.CompletionCommand;
import com.datamingle.adapter.cli.command.db.DbCommand;
import com.datamingle.adapter.cli.command.db.InitDbCommand;
import com.datamingle.adapter.cli.command.db.ResetDbCommand;
import com.datamingle.adapter.cli.command.dev.DevCommand;
import com.datamingle.adapter.cli.command.serve.ServeCommand;
import com.datamingle.adapter.cli.command.users.UsersCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree, built only as far as the arguments need it: picocli reads every command's
 * annotations by reflection when it is added, which for the whole tree (some forty commands) was
 * the largest share of a short command's start-up. {@code db current} builds {@code db} and {@code
 * current}; a group named without a command builds the whole group (its usage error lists them);
 * anything else (no command, {@code help}, {@code completion}, a name that is no command, which
 * gets suggestions) builds all of it; {@code --version} alone builds none. What a command prints
 * does not depend on how much was built.
 */
final class CommandTree {
  /** The top-level commands in the order help lists them. */
  private static final List<Class<?>> TOP =
      List.of(
          ServeCommand.class,
          DbCommand.class,
          InitDbCommand.class,
          ResetDbCommand.class,
          UsersCommand.class,
          DevCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  private static final Map<Class<?>, List<Class<?>>> GROUPS =
      Map.of(
          DbCommand.class, DbCommand.SUBCOMMANDS,
          UsersCommand.class, UsersCommand.SUBCOMMANDS,
          DevCommand.class, DevCommand.SUBCOMMANDS);

  /** Commands that need the whole tree whatever follows them. */
  private static final Set<Class<?>> WHOLE_TREE =
      Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

  /** The root's options that take a value as the next argument (RootCommand's). */
  private static final Set<String> VALUE_OPTIONS = Set.of("--database-url", "--migrations");

  /** The root's version options (picocli's standard ones). */
  private static final Set<String> VERSION_OPTIONS = Set.of("--version", "-V");

  private CommandTree() {}

  /** Adds to {@code root} the commands that {@code args} may run. */
  static void addTo(CommandLine root, String[] args) {
    if (args.length > 0 && VERSION_OPTIONS.containsAll(List.of(args))) {
      return; // the root prints the version; the commands are not needed
    }
    List<String> words = commandWords(args);
    Class<?> top = words.isEmpty() ? null : named(TOP, words.get(0));
    if (top == null || WHOLE_TREE.contains(top)) {
      addAll(root);
      return;
    }
    List<Class<?>> members = GROUPS.getOrDefault(top, List.of());
    Class<?> member = words.size() < 2 ? null : named(members, words.get(1));
    root.addSubcommand(command(top, member == null ? members : List.of(member)));
  }

  /** Adds the whole tree. */
  static void addAll(CommandLine root) {
    for (Class<?> command : TOP) {
      root.addSubcommand(command(command, GROUPS.getOrDefault(command, List.of())));
    }
  }

  /** A command with its subcommands, added before it joins its parent, as picocli does. */
  private static CommandLine command(Class<?> command, List<Class<?>> members) {
    CommandLine line = new CommandLine(command);
    for (Class<?> member : members) {
      line.addSubcommand(member);
    }
    return line;
  }

  /** The first two arguments that are neither an option nor a root option's value. */
  private static List<String> commandWords(String[] args) {
    List<String> words = new ArrayList<>(2);
    for (int i = 0; i < args.length && words.size() < 2; i++) {
      if (VALUE_OPTIONS.contains(args[i])) {
        i++;
      } else if (!args[i].startsWith("-")) {
        words.add(args[i]);
      } else if (args[i].equals("--")) {
        break;
      }
    }
    return words;
  }

  private static Class<?> named(List<Class<?>> commands, String name) {
    for (Class<?> command : commands) {
      Command annotation = command.getAnnotation(Command.class);
      if (annotation.name().equals(name) || List.of(annotation.aliases()).contains(name)) {
        return command;
      }
    }
    return null;
  }
}
