package com.datamingle.adapter.web.webhook;

import static com.datamingle.adapter.web.testing.FakeWorkOs.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.RouteTestApp;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /webhooks/workos} over the in-memory use cases: the signature gate and the answer
 * (the whole service on both databases: adapter-cli's {@code fullstack.WorkOsWebhookIT}).
 */
class WebhookRoutesTest {
  static final String SUB = "user_01HOOK";
  static final Instant T1 = Instant.parse("2026-05-01T10:00:00.000Z");
  static final String CREATED =
      userEvent("event_01", "user.created", SUB, "ada@example.com", "Ada", T1);

  @Test
  void aSignedEventIsAppliedAndAnswered() {
    RouteTestApp.run(
        (app, http) -> {
          Http.Response response = FakeWorkOs.sender(http).deliver(CREATED);

          assertThat(response.status()).as(response.body()).isEqualTo(200);
          assertThat(response.json().get("id").asText()).isEqualTo("event_01");
          assertThat(response.json().get("outcome").asText()).isEqualTo("applied");
          assertThat(app.users.findByWorkosUserId(new WorkOsUserId(SUB))).isPresent();
          assertThat(FakeWorkOs.sender(http).deliver(CREATED).json().get("outcome").asText())
              .isEqualTo("duplicate");
        });
  }

  @Test
  void aWrongSignatureIs401WithTheWebhookChallengeAndChangesNothing() {
    RouteTestApp.run(
        (app, http) -> {
          Http.Response response = new FakeWorkOs.Sender(http, "whsec_wrong").deliver(CREATED);

          assertThat(response.status()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate")).startsWith("WorkOS-Signature");
          assertThat(response.json().get("type").asText())
              .isEqualTo("urn:datamingle:problem:invalid-signature");
          assertThat(app.users.findByWorkosUserId(new WorkOsUserId(SUB))).isEmpty();
        });
  }

  @Test
  void eventsThisServiceDoesNotConsumeAreIgnored() {
    RouteTestApp.run(
        (app, http) -> {
          Http.Response response =
              FakeWorkOs.sender(http)
                  .deliver(
                      "{\"object\":\"event\",\"id\":\"event_07\",\"event\":\"session.created\","
                          + "\"data\":{\"id\":\"session_01\"}}");

          assertThat(response.json().get("outcome").asText()).isEqualTo("ignored");
        });
  }

  @Test
  void withoutASecretDeliveriesAre503() {
    RouteTestApp.run(
        WebSettings.defaults(),
        (app, http) -> {
          Http.Response response = FakeWorkOs.sender(http).deliver(CREATED);

          assertThat(response.status()).isEqualTo(503);
          assertThat(response.json().get("detail").asText()).contains("WORKOS_WEBHOOK_SECRET");
        });
  }

  @Test
  void aSessionRevokedEventRefusesThatSessionsTokens() {
    RouteTestApp.run(
        (app, http) -> {
          String token = app.workos.token(SUB, "ada@example.com", "session_01GONE");
          assertThat(http.get("/api/me", token).status()).isEqualTo(200);
          String body =
              FakeWorkOs.sessionRevokedEvent("event_01REV", "session_01GONE", SUB, Instant.now());

          Http.Response response = FakeWorkOs.sender(http).deliver(body);

          assertThat(response.json().get("outcome").asText())
              .as(response.body())
              .isEqualTo("applied");
          assertThat(http.get("/api/me", token).status()).isEqualTo(401);
          assertThat(
                  http.get("/api/me", app.workos.token(SUB, "ada@example.com", "session_01NEW"))
                      .status())
              .isEqualTo(200);
          assertThat(FakeWorkOs.sender(http).deliver(body).json().get("outcome").asText())
              .isEqualTo("duplicate");
        });
  }
}
