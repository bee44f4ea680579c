package com.datamingle.adapter.cli.command.db;

import com.datamingle.migrations.transfer.ImportListener;
import com.datamingle.migrations.transfer.ImportReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An import's progress: on a terminal a bar per table with rows per second, redrawn in place;
 * otherwise one line per table once it is written and checked; nothing when {@code out} is null
 * (JSON output). Confirmation is handed to the command.
 */
final class ImportProgress implements ImportListener {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final boolean terminal;
  private final Consumer<String> confirmation;
  private long total;
  private long started;

  ImportProgress(PrintWriter out, boolean terminal, Consumer<String> confirmation) {
    this.out = out;
    this.terminal = terminal && out != null;
    this.confirmation = confirmation;
  }

  @Override
  public void confirm(String what) {
    confirmation.accept(what);
  }

  @Override
  public void step(String what) {
    if (out == null) {
      return;
    }
    out.println(what);
    out.flush();
  }

  @Override
  public void tableStarted(String table, long rows) {
    total = rows;
    started = System.nanoTime();
    if (terminal) {
      rowsRead(table, 0);
    }
  }

  @Override
  public void rowsRead(String table, long rows) {
    if (!terminal) {
      return;
    }
    double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
    int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, rows * WIDTH / total);
    out.print(
        String.format(
            Locale.ROOT,
            "\r%-20s [%s%s] %,d/%,d rows, %,d rows/s",
            table,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            rows,
            total,
            (long) (rows / seconds)));
    out.flush();
  }

  @Override
  public void tableFinished(ImportReport.Table table) {
    if (out == null) {
      return;
    }
    if (terminal) {
      out.print("\r");
    }
    String check =
        table.targetChecksum() == null
            ? "checksum " + table.sourceChecksum() + " (dry run: not written)"
            : "checksum source "
                + table.sourceChecksum()
                + " target "
                + table.targetChecksum()
                + (table.verified() ? " ok" : " MISMATCH");
    String from = table.sourceTable() == null ? " (not in the source)" : "";
    out.println(
        String.format(
            Locale.ROOT,
            "%-20s %,d row(s)%s, %s, %d ms",
            table.name(),
            table.sourceRows(),
            from,
            check,
            table.millis()));
    out.flush();
  }
}
