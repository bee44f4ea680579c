package com.datamingle.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkOsSyncStateTest {
  static final WorkOsUserId ID = new WorkOsUserId("user_01SYNC");
  static final Instant T1 = Instant.parse("2026-05-01T10:00:00.123Z");
  static final Instant T2 = T1.plusSeconds(60);

  @Test
  void anythingIsNewerThanNothing() {
    assertThat(WorkOsSyncState.unseen(ID).isOlderThan(T1, false)).isTrue();
    assertThat(WorkOsSyncState.unseen(ID).isOlderThan(T1, true)).isTrue();
  }

  @Test
  void onlyLaterDataIsNewerAndADeletionWinsATie() {
    WorkOsSyncState state = WorkOsSyncState.unseen(ID).applied(T2);

    assertThat(state.isOlderThan(T2.plusMillis(1), false)).isTrue();
    assertThat(state.isOlderThan(T2, false)).as("a repeat of the same data").isFalse();
    assertThat(state.isOlderThan(T1, false)).as("older data").isFalse();
    assertThat(state.isOlderThan(T2, true)).as("deletion of the same data").isTrue();
    assertThat(state.isOlderThan(T1, true)).as("a deletion older than the data held").isFalse();
  }

  @Test
  void nothingIsNewerThanADeletion() {
    WorkOsSyncState deleted = WorkOsSyncState.unseen(ID).applied(T1).deletedAt(T1, T2);

    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.isOlderThan(T2.plusSeconds(3600), false)).isFalse();
    assertThat(deleted.isOlderThan(T2.plusSeconds(3600), true)).isFalse();
  }

  @Test
  void timesAreKeptToTheMillisecond() {
    WorkOsSyncState state =
        WorkOsSyncState.unseen(ID).applied(Instant.parse("2026-05-01T10:00:00.123456Z"));

    assertThat(state.workosUpdatedAt()).isEqualTo(T1);
    assertThat(state.isOlderThan(Instant.parse("2026-05-01T10:00:00.123999Z"), false)).isFalse();
  }
}
