package com.datamingle.adapter.cli;

import com.datamingle.adapter.cli.command.RootCommand;
import com.datamingle.adapter.cli.command.common.ExitCode;
import java.io.PrintWriter;

/** The {@code datamingle} command's entry point: the only place that exits the JVM. */
public final class DataMingleCli {
  private DataMingleCli() {}

  public static void main(String[] args) {
    int code =
        RootCommand.run(
            args,
            System.getenv(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true));
    if (code != ExitCode.KEEP_RUNNING) {
      System.exit(code);
    }
  }
}
