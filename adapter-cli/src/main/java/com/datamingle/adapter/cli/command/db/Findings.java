package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.CommandContext;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.KnownFailure;
import com.datamingle.adapter.cli.command.common.Output;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The end that the checking commands share ({@code db check}, {@code drift}, {@code test}, {@code
 * validate}): JSON, or the all-clear line, or one line per finding; then exit 1 when anything was
 * found.
 */
final class Findings {
  private Findings() {}

  /**
   * @param json the JSON object to print instead of text (with --json), or null
   * @param prefix what starts each finding's line
   * @param failure the closing error's message when anything was found
   */
  static Integer conclude(
      CommandContext context,
      List<String> found,
      Map<String, Object> json,
      String prefix,
      String allClear,
      String failure) {
    PrintWriter out = context.out();
    if (json != null) {
      out.println(Output.json(json));
    } else if (found.isEmpty()) {
      out.println(allClear);
    } else {
      found.forEach(f -> out.println(prefix + f));
    }
    if (!found.isEmpty()) {
      throw new KnownFailure(failure);
    }
    return ExitCode.OK;
  }
}
