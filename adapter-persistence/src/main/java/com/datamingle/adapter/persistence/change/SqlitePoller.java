package com.datamingle.adapter.persistence.change;

import java.util.List;

/**
 * SQLite: reads the rows of {@code cache_changes} after the last one seen every 200 ms (an indexed
 * range read of the primary key, usually empty), so a change an operator's command commits reaches
 * the running server well within a second.
 */
final class SqlitePoller extends ChangeListener {
  static final long POLL_MS = 200;
  private static final int BATCH = 500;

  SqlitePoller(Changes changes, Runnable maintenance, Runnable whileDegraded) {
    super(changes, maintenance, whileDegraded, "datamingle-change-poller");
  }

  @Override
  void run() {
    long after = -1;
    while (!stopped) {
      try {
        if (after < 0) {
          Long last = changes.sessions().withMapper(ChangeMapper.class, ChangeMapper::lastSeq);
          after = last == null ? 0 : last;
          connected();
        }
        List<ChangeRow> rows;
        do {
          long from = after;
          rows =
              changes.sessions().withMapper(ChangeMapper.class, m -> m.changesAfter(from, BATCH));
          for (ChangeRow row : rows) {
            changes.receive(row.payload());
            after = row.seq();
          }
        } while (rows.size() == BATCH);
        if (changes.state() != Changes.State.LIVE) {
          connected();
        }
        maintainWhenDue();
        sleep(POLL_MS);
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        lost(e);
        waitDegraded(1_000);
      }
    }
  }
}
