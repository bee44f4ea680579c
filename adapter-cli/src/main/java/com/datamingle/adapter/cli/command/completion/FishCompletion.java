package com.datamingle.adapter.cli.command.completion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script written from picocli's model of the commands (picocli writes bash only):
 * each command's subcommands and options are offered once the words typed so far name that command
 * exactly.
 */
final class FishCompletion {
  private FishCompletion() {}

  static String script(CommandSpec root) {
    String name = root.name();
    String at = "__" + name.replace('-', '_') + "_at";
    List<String> paths = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    walk(root, "", name, at, paths, lines);
    StringBuilder b = new StringBuilder();
    b.append("# fish completion for ").append(name).append(", written by `");
    b.append(name).append(" completion fish`\n");
    b.append("set -g ").append(at).append("_commands");
    paths.forEach(p -> b.append(' ').append(quote(p)));
    b.append("\n\n");
    b.append("# true when the subcommands typed so far are exactly the arguments\n");
    b.append("function ").append(at).append('\n');
    b.append("    set -l path ''\n");
    b.append("    for word in (commandline -opc)[2..-1]\n");
    b.append("        set -l next (string trim -- \"$path $word\")\n");
    b.append("        if contains -- $next $").append(at).append("_commands\n");
    b.append("            set path $next\n");
    b.append("        end\n");
    b.append("    end\n");
    b.append("    test \"$path\" = \"$argv\"\n");
    b.append("end\n\n");
    b.append("complete -c ").append(name).append(" -f\n");
    lines.forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }

  private static void walk(
      CommandSpec command,
      String path,
      String name,
      String at,
      List<String> paths,
      List<String> lines) {
    String condition = " -n " + quote(path.isEmpty() ? at : at + " " + path);
    for (Map.Entry<String, picocli.CommandLine> sub : command.subcommands().entrySet()) {
      CommandSpec spec = sub.getValue().getCommandSpec();
      if (spec.usageMessage().hidden() || !sub.getKey().equals(spec.name())) {
        continue;
      }
      lines.add(
          "complete -c "
              + name
              + condition
              + " -a "
              + quote(spec.name())
              + " -d "
              + quote(firstLine(spec.usageMessage().description())));
    }
    for (OptionSpec option : command.options()) {
      if (!option.hidden()) {
        lines.add("complete -c " + name + condition + flags(option));
      }
    }
    for (picocli.CommandLine sub : command.subcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      String subPath = path.isEmpty() ? spec.name() : path + " " + spec.name();
      if (!spec.usageMessage().hidden() && !paths.contains(subPath)) {
        paths.add(subPath);
        walk(spec, subPath, name, at, paths, lines);
      }
    }
  }

  private static String flags(OptionSpec option) {
    StringBuilder b = new StringBuilder();
    for (String n : option.names()) {
      if (n.startsWith("--")) {
        b.append(" -l ").append(n.substring(2));
      } else if (n.startsWith("-") && n.length() == 2) {
        b.append(" -s ").append(n.substring(1));
      }
    }
    if (option.arity().max() > 0 && !option.type().equals(boolean.class)) {
      b.append(Path.class.isAssignableFrom(option.type()) ? " -r -F" : " -r");
    }
    return b.append(" -d ").append(quote(firstLine(option.description()))).toString();
  }

  private static String firstLine(String[] description) {
    return description.length == 0 ? "" : description[0].replace("%n", " ").strip();
  }

  /** A fish single-quoted word. */
  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
