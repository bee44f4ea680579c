package com.datamingle.adapter.persistence.sync;

import com.datamingle.adapter.persistence.tx.Sessions;
import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.domain.user.WorkOsSyncState;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: the state of the sync with WorkOS via MyBatis. */
final class MyBatisWorkOsSyncStore implements WorkOsSyncStore {
  private final Sessions sessions;

  MyBatisWorkOsSyncStore(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean recordEvent(String eventId, String eventType, Instant receivedAt) {
    return sessions.withMapper(
            WorkOsSyncMapper.class, m -> m.insertEventIfAbsent(eventId, eventType, receivedAt))
        == 1;
  }

  @Override
  public WorkOsSyncState lockState(WorkOsUserId workosUserId) {
    return sessions.withMapper(
        WorkOsSyncMapper.class,
        m -> {
          m.insertStateIfAbsent(workosUserId.value());
          return m.findStateForUpdate(workosUserId.value()).toDomain();
        });
  }

  @Override
  public Optional<WorkOsSyncState> findState(WorkOsUserId workosUserId) {
    return Optional.ofNullable(
            sessions.withMapper(WorkOsSyncMapper.class, m -> m.findState(workosUserId.value())))
        .map(SyncStateRow::toDomain);
  }

  @Override
  public void saveState(WorkOsSyncState state) {
    int rows =
        sessions.withMapper(WorkOsSyncMapper.class, m -> m.updateState(SyncStateRow.from(state)));
    if (rows != 1) {
      throw new IllegalStateException(
          "the sync state of " + state.workosUserId() + " was not locked before it was saved");
    }
  }

  @Override
  public Optional<String> cursor(String name) {
    return Optional.ofNullable(
        sessions.withMapper(WorkOsSyncMapper.class, m -> m.findCursor(name)));
  }

  @Override
  public void saveCursor(String name, String lastEventId, Instant at) {
    sessions.withMapper(WorkOsSyncMapper.class, m -> m.upsertCursor(name, lastEventId, at));
  }

  @Override
  public List<WorkOsUserId> deletedBefore(Instant cutoff) {
    return sessions.withMapper(WorkOsSyncMapper.class, m -> m.findDeletedBefore(cutoff)).stream()
        .map(WorkOsUserId::new)
        .toList();
  }

  @Override
  public int countEventsReceivedBefore(Instant cutoff) {
    return sessions.withMapper(WorkOsSyncMapper.class, m -> m.countEventsBefore(cutoff));
  }

  @Override
  public Optional<Instant> lastEventReceivedAt() {
    return Optional.ofNullable(
        sessions.withMapper(WorkOsSyncMapper.class, WorkOsSyncMapper::findLastEventReceivedAt));
  }

  @Override
  public int forgetEventsReceivedBefore(Instant cutoff) {
    return sessions.withMapper(WorkOsSyncMapper.class, m -> m.deleteEventsBefore(cutoff));
  }
}
