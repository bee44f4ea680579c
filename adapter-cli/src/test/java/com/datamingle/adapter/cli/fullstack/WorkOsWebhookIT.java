package com.datamingle.adapter.cli.fullstack;

import static com.datamingle.adapter.web.testing.FakeWorkOs.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.webhook.WebhookSignature;
import com.datamingle.domain.user.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** POST /webhooks/workos from a fake WorkOS sender, over the whole service, on each database. */
@ParameterizedClass
@EnumSource(FullStack.Database.class)
class WorkOsWebhookIT {
  static final String SUB = "user_01HOOK";
  static final Instant T1 = Instant.parse("2026-05-01T10:00:00.000Z");
  @Parameter FullStack.Database database;
  @TempDir Path dir;
  FullStack app;

  void run(Map<String, String> env, BiConsumer<FakeWorkOs.Sender, Http> test) {
    try {
      app = FullStack.start(database, dir, env);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    test.accept(FakeWorkOs.sender(app.http()), app.http());
  }

  void run(BiConsumer<FakeWorkOs.Sender, Http> test) {
    run(Map.of("WORKOS_WEBHOOK_SECRET", FakeWorkOs.WEBHOOK_SECRET), test);
  }

  @AfterEach
  void close() {
    if (app != null) {
      app.close();
    }
  }

  Optional<User> local() {
    return app.user(SUB);
  }

  /** Delivers a signed event of {@link #SUB} and checks the outcome the service answers. */
  void delivered(
      String outcome, String eventId, String type, String email, String firstName, Instant at) {
    assertOutcome(
        FakeWorkOs.sender(app.http()).deliver(userEvent(eventId, type, SUB, email, firstName, at)),
        outcome);
  }

  static void assertOutcome(Http.Response response, String outcome) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("outcome").asText()).isEqualTo(outcome);
  }

  @Test
  void signedEventsCreateThenUpdateTheUser() {
    run(
        (workos, http) -> {
          delivered("applied", "event_01", "user.created", "Ada@Example.com", "Ada", T1);
          assertThat(local())
              .hasValueSatisfying(
                  u -> {
                    assertThat(u.email().value()).isEqualTo("ada@example.com");
                    assertThat(u.firstName().value()).isEqualTo("Ada");
                    assertThat(u.active()).isTrue();
                  });

          delivered(
              "applied",
              "event_02",
              "user.updated",
              "ada@new.example.com",
              "Augusta",
              T1.plusSeconds(60));
          assertThat(local())
              .hasValueSatisfying(
                  u -> {
                    assertThat(u.email().value()).isEqualTo("ada@new.example.com");
                    assertThat(u.firstName().value()).isEqualTo("Augusta");
                  });
        });
  }

  @Test
  void metricsShowTheSyncLagSinceTheLastProcessedEvent() {
    run(
        (workos, http) -> {
          delivered("applied", "event_01", "user.created", "ada@example.com", "Ada", T1);

          String metrics = http.get("/metrics", null).body();

          java.util.regex.Matcher lag =
              java.util.regex.Pattern.compile("\ndatamingle_workos_sync_lag_seconds (\\S+)\n")
                  .matcher(metrics);
          assertThat(lag.find()).as(metrics).isTrue();
          // seconds since the event was processed a moment ago (not since the event's own time)
          assertThat(Double.parseDouble(lag.group(1))).isBetween(0.0, 600.0);
        });
  }

  @Test
  void badOrStaleSignaturesAre401AndChangeNothing() {
    run(
        (workos, http) -> {
          String body = userEvent("event_01", "user.created", SUB, "ada@example.com", "Ada", T1);
          String good =
              new WebhookSignature(
                      FakeWorkOs.WEBHOOK_SECRET,
                      java.time.Clock.systemUTC(),
                      WebhookSignature.DEFAULT_TOLERANCE)
                  .header(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          String expectedHex = good.substring(good.indexOf("v1=") + 3);
          String wrongSecret =
              new WebhookSignature(
                      "whsec_someone_else",
                      java.time.Clock.systemUTC(),
                      WebhookSignature.DEFAULT_TOLERANCE)
                  .header(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          var refused = new java.util.ArrayList<Http.Response>();
          refused.add(workos.deliverWithHeader(body, null));
          refused.add(workos.deliverWithHeader(body, wrongSecret));
          refused.add(
              workos.deliverWithHeader(body.replace("ada@example.com", "eve@example.com"), good));
          refused.add(workos.deliverSignedAt(body, Instant.now().minusSeconds(181)));
          refused.add(workos.deliverSignedAt(body, Instant.now().plusSeconds(181)));
          refused.add(workos.deliverWithHeader(body, "v1=" + expectedHex));
          refused.add(workos.deliverWithHeader(body, good.replace("v1=", "v1=zz")));
          refused.add(workos.deliverWithHeader(body, "t=soon, v1=" + expectedHex));

          for (Http.Response response : refused) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText())
                .isEqualTo("urn:datamingle:problem:invalid-signature");
            assertThat(response.body())
                .contains("WORKOS_WEBHOOK_SECRET")
                .doesNotContain(expectedHex)
                .doesNotContain(FakeWorkOs.WEBHOOK_SECRET);
          }
          assertThat(local()).isEmpty();

          assertOutcome(workos.deliverWithHeader(body, good), "applied");
        });
  }

  @Test
  void aRedeliveredEventIsADuplicateAndChangesNothing() {
    run(
        (workos, http) -> {
          String body = userEvent("event_01", "user.created", SUB, "ada@example.com", "Ada", T1);
          assertOutcome(workos.deliver(body), "applied");
          User before = local().orElseThrow();

          assertOutcome(workos.deliver(body), "duplicate");
          assertOutcome(workos.deliver(body), "duplicate");

          assertThat(local()).contains(before);
        });
  }

  @Test
  void eventsOutOfOrderKeepTheNewestData() {
    run(
        (workos, http) -> {
          delivered(
              "applied",
              "event_03",
              "user.updated",
              "third@example.com",
              "Third",
              T1.plusSeconds(120));
          delivered("stale", "event_01", "user.created", "first@example.com", "First", T1);
          delivered(
              "stale",
              "event_02",
              "user.updated",
              "second@example.com",
              "Second",
              T1.plusSeconds(60));

          assertThat(local())
              .get()
              .extracting(u -> u.email().value())
              .isEqualTo("third@example.com");
        });
  }

  @Test
  void deletionDeactivatesTheUserWhoseTokensStopWorking() {
    run(
        (workos, http) -> {
          String token = app.signIn(SUB, "ada@example.com");

          delivered(
              "applied", "event_09", "user.deleted", "ada@example.com", "Ada", T1.plusSeconds(300));

          assertThat(local()).get().extracting(User::active).isEqualTo(false);
          assertThat(app.syncState(SUB))
              .get()
              .satisfies(state -> assertThat(state.deletedAt()).isEqualTo(T1.plusSeconds(300)));
          assertThat(http.get("/api/me", token).status()).isEqualTo(403);
          delivered(
              "stale", "event_10", "user.updated", "back@example.com", "Ada", T1.plusSeconds(900));
          assertThat(local()).get().extracting(User::active).isEqualTo(false);
        });
  }

  @Test
  void otherEventsAreAcknowledgedAndIgnored() {
    run(
        (workos, http) -> {
          assertOutcome(
              workos.deliver(
                  "{\"object\":\"event\",\"id\":\"event_07\",\"event\":\"session.created\","
                      + "\"data\":{\"id\":\"session_01\"},\"created_at\":\"2026-05-01T10:00:00Z\"}"),
              "ignored");
          assertThat(local()).isEmpty();
        });
  }

  @Test
  void signedButUnreadableEventsAre4xxAndChangeNothing() {
    run(
        (workos, http) -> {
          Http.Response notJson = workos.deliver("{\"id\": ");
          assertThat(notJson.status()).isEqualTo(400);
          assertThat(notJson.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:malformed-request");

          Http.Response badEmail =
              workos.deliver(userEvent("event_01", "user.created", SUB, "not-an-email", "Ada", T1));
          assertThat(badEmail.status()).isEqualTo(422);
          assertThat(badEmail.json().get("errors").toString()).contains("email");

          Http.Response noDate =
              workos.deliver(
                  userEvent("event_01", "user.created", SUB, "ada@example.com", "Ada", T1)
                      .replace("\"updated_at\":\"" + T1 + "\",", ""));
          assertThat(noDate.status()).isEqualTo(422);
          assertThat(noDate.json().get("errors").toString()).contains("updated_at");
          assertThat(local()).isEmpty();

          delivered("applied", "event_01", "user.created", "ada@example.com", "Ada", T1);
        });
  }

  @Test
  void withoutASecretEveryDeliveryIsRefusedWith503() {
    run(
        Map.of(),
        (workos, http) -> {
          Http.Response response =
              workos.deliver(
                  userEvent("event_01", "user.created", SUB, "ada@example.com", "Ada", T1));

          assertThat(response.status()).isEqualTo(503);
          assertThat(response.json().get("detail").asText()).contains("WORKOS_WEBHOOK_SECRET");
          assertThat(local()).isEmpty();
        });
  }
}
