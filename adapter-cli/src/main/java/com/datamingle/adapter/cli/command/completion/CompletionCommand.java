package com.datamingle.adapter.cli.command.completion;

import com.datamingle.adapter.cli.command.common.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datamingle completion bash|zsh|fish}: the shell completion script, on standard output. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script for datamingle's commands and options.",
      "bash: source <(datamingle completion bash), or save it in"
          + " ~/.local/share/bash-completion/completions/datamingle;",
      "zsh: the same script, which loads bashcompinit itself: source <(datamingle completion zsh);",
      "fish: datamingle completion fish > ~/.config/fish/completions/datamingle.fish"
    })
public final class CompletionCommand implements Callable<Integer> {

  /** The shells a script is printed for. */
  public enum Shell {
    BASH,
    ZSH,
    FISH
  }

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String name = spec.root().name();
    String script =
        switch (shell) {
          // picocli's script starts bashcompinit itself when zsh sources it
          case BASH, ZSH -> AutoComplete.bash(name, root);
          case FISH -> FishCompletion.script(spec.root());
        };
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
