package com.datamingle.application.testing;

import com.datamingle.application.port.out.WorkOsSyncStore;
import com.datamingle.domain.user.WorkOsSyncState;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fake of {@link WorkOsSyncStore}, with snapshots for rollback. */
public class InMemoryWorkOsSyncStore implements WorkOsSyncStore, InMemoryUnitOfWork.Transactional {
  private Map<String, Instant> events = new HashMap<>();
  private Map<WorkOsUserId, WorkOsSyncState> states = new HashMap<>();
  private Map<String, String> cursors = new HashMap<>();

  @Override
  public synchronized boolean recordEvent(String eventId, String eventType, Instant receivedAt) {
    return events.putIfAbsent(eventId, receivedAt) == null;
  }

  @Override
  public synchronized WorkOsSyncState lockState(WorkOsUserId workosUserId) {
    return states.computeIfAbsent(workosUserId, WorkOsSyncState::unseen);
  }

  @Override
  public synchronized Optional<WorkOsSyncState> findState(WorkOsUserId workosUserId) {
    return Optional.ofNullable(states.get(workosUserId));
  }

  @Override
  public synchronized void saveState(WorkOsSyncState state) {
    if (!states.containsKey(state.workosUserId())) {
      throw new IllegalStateException("no locked state for " + state.workosUserId());
    }
    states.put(state.workosUserId(), state);
  }

  @Override
  public synchronized Optional<String> cursor(String name) {
    return Optional.ofNullable(cursors.get(name));
  }

  @Override
  public synchronized void saveCursor(String name, String lastEventId, Instant at) {
    cursors.put(name, lastEventId);
  }

  @Override
  public synchronized List<WorkOsUserId> deletedBefore(Instant cutoff) {
    return states.values().stream()
        .filter(s -> s.deleted() && s.deletedAt().isBefore(cutoff))
        .map(WorkOsSyncState::workosUserId)
        .sorted(Comparator.comparing(WorkOsUserId::value))
        .toList();
  }

  @Override
  public synchronized int countEventsReceivedBefore(Instant cutoff) {
    return (int) events.values().stream().filter(t -> t.isBefore(cutoff)).count();
  }

  @Override
  public synchronized Optional<Instant> lastEventReceivedAt() {
    return events.values().stream().max(Instant::compareTo);
  }

  @Override
  public synchronized int forgetEventsReceivedBefore(Instant cutoff) {
    int before = events.size();
    events.values().removeIf(t -> t.isBefore(cutoff));
    return before - events.size();
  }

  public synchronized int eventCount() {
    return events.size();
  }

  @Override
  public synchronized Object snapshot() {
    return List.of(new HashMap<>(events), new HashMap<>(states), new HashMap<>(cursors));
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    List<Map<?, ?>> maps = (List<Map<?, ?>>) snapshot;
    events = new HashMap<>((Map<String, Instant>) maps.get(0));
    states = new HashMap<>((Map<WorkOsUserId, WorkOsSyncState>) maps.get(1));
    cursors = new HashMap<>((Map<String, String>) maps.get(2));
  }
}
