package com.datamingle.application.testing;

import com.datamingle.application.port.out.WorkOsEventFeed;
import java.util.ArrayList;
import java.util.List;

/** The Events API as a list in memory: events in order, pages after a cursor. */
public class FakeWorkOsEventFeed implements WorkOsEventFeed {
  private final List<Entry> events = new ArrayList<>();
  private final List<String> askedAfter = new ArrayList<>();

  public synchronized FakeWorkOsEventFeed add(Entry entry) {
    events.add(entry);
    return this;
  }

  @Override
  public synchronized List<Entry> after(String afterEventId, int limit) {
    askedAfter.add(afterEventId);
    int start = 0;
    if (afterEventId != null) {
      start = -1;
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).eventId().equals(afterEventId)) {
          start = i + 1;
        }
      }
      if (start < 0) {
        throw new IllegalArgumentException("unknown cursor " + afterEventId);
      }
    }
    return List.copyOf(events.subList(start, Math.min(events.size(), start + limit)));
  }

  /** The cursors of every request so far (null: from the start). */
  public synchronized List<String> askedAfter() {
    return new ArrayList<>(askedAfter);
  }
}
