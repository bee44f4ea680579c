package com.datamingle.migrations.transfer;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes rows on a thread of its own, so reading and converting the next rows goes on while the
 * target takes the previous ones. Rows travel in batches through a short queue; a failure of the
 * writer stops the reader at its next batch, and is thrown there. The sink is opened, written and
 * ended on that thread alone (pgjdbc ties a running COPY to the thread that started it). The writer
 * also adds each row to the source side's checksum, which the reader may read once {@link #finish}
 * or {@link #abort} returned.
 */
final class WriterThread {
  private static final int BATCH = 1_000;
  private static final Object[][] END = new Object[0][];

  private final Opener opener;
  private final ContentChecksum checksum;
  private volatile RowSink sink;
  private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(16);
  private final Thread thread;
  private Object[][] batch = new Object[BATCH][];
  private int filled;
  private volatile Exception failure;
  private long written;

  /** Opens the sink, on the writer's thread. */
  interface Opener {
    RowSink open() throws SQLException;
  }

  WriterThread(Opener opener, String table, ContentChecksum checksum) {
    this.opener = opener;
    this.checksum = checksum;
    this.thread = new Thread(this::drain, "datamingle-import-" + table);
    thread.setDaemon(true);
    thread.start();
  }

  private void drain() {
    try {
      sink = opener.open();
      while (true) {
        Object[][] rows = queue.take();
        if (rows == END) {
          written = sink.finish();
          return;
        }
        for (Object[] row : rows) {
          sink.write(row);
          checksum.add(row);
        }
      }
    } catch (Exception e) {
      failure = e;
      queue.clear();
      if (sink != null) {
        sink.abort();
      }
    }
  }

  void write(Object[] values) throws SQLException {
    batch[filled++] = values;
    if (filled == BATCH) {
      send(batch);
      batch = new Object[BATCH][];
      filled = 0;
    }
  }

  private void send(Object[][] rows) throws SQLException {
    try {
      while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
        rethrow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while writing", e);
    }
    rethrow();
  }

  /** Sends the last rows, waits for the writer, and returns the rows the target took. */
  long finish() throws SQLException {
    send(Arrays.copyOf(batch, filled));
    send(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while writing", e);
    }
    rethrow();
    return written;
  }

  /**
   * Stops the writer, which gives up the table on its own thread (the transaction is then rolled
   * back).
   */
  void abort() {
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrow() throws SQLException {
    Exception e = failure;
    if (e instanceof SQLException sql) {
      throw sql;
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e != null) {
      throw new SQLException(e.getMessage(), e);
    }
  }
}
