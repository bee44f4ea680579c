package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.JsonOption;
import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.adapter.cli.command.common.Subcommand;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code datamingle db validate}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check that every applied migration still has its script, unedited (by checksum), and"
            + " that none was skipped.")
final class ValidateCommand extends Subcommand {

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    List<String> problems = context.migrator().validate();
    Map<String, Object> o =
        json.requested() ? Output.object("valid", problems.isEmpty(), "problems", problems) : null;
    return Findings.conclude(
        context,
        problems,
        o,
        "PROBLEM ",
        "Valid: every applied migration matches its script.",
        problems.size() + " problem(s) found");
  }
}
