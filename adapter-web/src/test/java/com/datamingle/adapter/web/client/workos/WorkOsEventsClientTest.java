package com.datamingle.adapter.web.client.workos;

import static com.datamingle.adapter.web.testing.FakeWorkOs.userEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.domain.user.WorkOsUserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkOsEventsClientTest {
  static final Instant T1 = Instant.parse("2026-05-01T10:00:00Z");
  final FakeWorkOs api;

  WorkOsEventsClientTest() throws Exception {
    api =
        new FakeWorkOs()
            .addEvent(
                "event_01",
                "user.created",
                userEvent("event_01", "user.created", "user_01A", "a@example.com", "A", T1))
            .addEvent(
                "event_02",
                "session.created",
                "{\"object\":\"event\",\"id\":\"event_02\",\"event\":\"session.created\",\"data\":{}}")
            .addEvent(
                "event_03",
                "user.updated",
                userEvent(
                    "event_03", "user.updated", "user_01A", "not-an-email", "A", T1.plusSeconds(1)))
            .addEvent(
                "event_04",
                "user.deleted",
                userEvent(
                    "event_04",
                    "user.deleted",
                    "user_01A",
                    "a@example.com",
                    "A",
                    T1.plusSeconds(2)));
  }

  @AfterEach
  void close() {
    api.close();
  }

  WorkOsEventsClient client(String key) {
    return new WorkOsEventsClient(api.baseUrl(), key, Duration.ofSeconds(2));
  }

  @Test
  void readsUserEventsOldestFirstAfterTheCursor() {
    List<WorkOsEventFeed.Entry> first = client(FakeWorkOs.API_KEY).after(null, 2);

    assertThat(first)
        .extracting(WorkOsEventFeed.Entry::eventId)
        .containsExactly("event_01", "event_03");
    assertThat(first.get(0).userEvent())
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(WorkOsUserEvent.Kind.CREATED);
              assertThat(e.workosUserId().value()).isEqualTo("user_01A");
              assertThat(e.workosUpdatedAt()).isEqualTo(T1);
            });
    assertThat(first.get(1).userEvent())
        .as("an event this service cannot read is passed on as ignored")
        .isNull();
    assertThat(api.eventRequests().get(0))
        .containsEntry("events", "user.created,user.updated,user.deleted,session.revoked")
        .containsEntry("order", "asc")
        .containsEntry("limit", "2")
        .doesNotContainKey("after");

    List<WorkOsEventFeed.Entry> next = client(FakeWorkOs.API_KEY).after("event_03", 2);
    assertThat(next).extracting(WorkOsEventFeed.Entry::eventId).containsExactly("event_04");
    assertThat(next.get(0).userEvent().deletion()).isTrue();
    assertThat(api.eventRequests().get(1)).containsEntry("after", "event_03");
  }

  @Test
  void aRefusedKeyOrAnOutageIsReportedWithoutTheKey() {
    assertThatThrownBy(() -> client("sk_wrong_key").after(null, 10))
        .isInstanceOf(IdentityProviderUnavailable.class)
        .hasMessageContaining("WORKOS_API_KEY")
        .hasMessageNotContaining("sk_wrong_key");

    api.failNextEvents(1);
    assertThat(client(FakeWorkOs.API_KEY).after(null, 10)).as("one retry").hasSize(3);

    api.failNextEvents(2);
    assertThatThrownBy(() -> client(FakeWorkOs.API_KEY).after(null, 10))
        .isInstanceOf(IdentityProviderUnavailable.class)
        .hasMessageContaining("503")
        .hasMessageContaining("retry later");
  }

  @Test
  void noApiKeyIsRefusedUpFront() {
    assertThatThrownBy(() -> client(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WORKOS_API_KEY");
  }
}
