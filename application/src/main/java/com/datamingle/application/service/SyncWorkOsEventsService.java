package com.datamingle.application.service;

import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase;
import com.datamingle.application.port.in.sync.SyncWorkOsEventsUseCase;
import com.datamingle.application.port.out.UnitOfWork;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.application.port.out.WorkOsSyncStore;
import java.time.Clock;
import java.util.List;

/**
 * Polls the Events API from the stored cursor. Each event is applied and the cursor moved in the
 * same transaction; WorkOS is asked outside any transaction.
 */
final class SyncWorkOsEventsService implements SyncWorkOsEventsUseCase {
  private final ApplyWorkOsEventUseCase apply;
  private final WorkOsSyncStore sync;
  private final WorkOsEventFeed feed;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  SyncWorkOsEventsService(
      ApplyWorkOsEventUseCase apply,
      WorkOsSyncStore sync,
      WorkOsEventFeed feed,
      UnitOfWork unitOfWork,
      Clock clock) {
    this.apply = apply;
    this.sync = sync;
    this.feed = feed;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public Report syncOnce(int pageSize, boolean fromStart) {
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("a page holds 1 to 100 events, got " + pageSize);
    }
    String cursor = fromStart ? null : sync.cursor(CURSOR).orElse(null);
    int events = 0;
    int applied = 0;
    int duplicates = 0;
    int stale = 0;
    int ignored = 0;
    while (true) {
      List<WorkOsEventFeed.Entry> page = feed.after(cursor, pageSize);
      for (WorkOsEventFeed.Entry entry : page) {
        ApplyWorkOsEventUseCase.Outcome outcome =
            unitOfWork.inTransaction(
                () -> {
                  ApplyWorkOsEventUseCase.Outcome result =
                      entry.userEvent() != null
                          ? apply.apply(entry.userEvent())
                          : entry.sessionRevoked() != null
                              ? apply.apply(entry.sessionRevoked())
                              : null;
                  sync.saveCursor(CURSOR, entry.eventId(), clock.instant());
                  return result;
                });
        events++;
        if (outcome == null) {
          ignored++;
        } else {
          switch (outcome) {
            case APPLIED -> applied++;
            case DUPLICATE -> duplicates++;
            case STALE -> stale++;
          }
        }
        cursor = entry.eventId();
      }
      if (page.size() < pageSize) {
        return new Report(events, applied, duplicates, stale, ignored, cursor);
      }
    }
  }
}
