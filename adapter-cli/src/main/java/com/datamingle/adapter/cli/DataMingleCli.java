package com.datamingle.adapter.cli;

import com.datamingle.adapter.cli.bootstrap.Preload;
import com.datamingle.adapter.cli.bootstrap.SqliteNativeLibrary;
import com.datamingle.adapter.cli.command.RootCommand;
import com.datamingle.adapter.cli.command.common.ExitCode;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;

/** The {@code datamingle} command's entry point: the only place that exits the JVM. */
public final class DataMingleCli {
  private DataMingleCli() {}

  public static void main(String[] args) {
    if (!Preload.startFor(args, System.getenv())) {
      SqliteNativeLibrary.useCache();
    }
    boolean jsonLogs = "json".equals(System.getenv("DATAMINGLE_LOG_FORMAT"));
    PrintWriter err =
        jsonLogs
            ? new PrintWriter(new LogLines(LoggerFactory.getLogger("datamingle")), true)
            : new PrintWriter(System.err, true);
    int code = RootCommand.run(args, System.getenv(), new PrintWriter(System.out, true), err);
    if (code != ExitCode.KEEP_RUNNING) {
      err.close();
      System.exit(code);
    }
  }
}
