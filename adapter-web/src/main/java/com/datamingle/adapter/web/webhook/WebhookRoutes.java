package com.datamingle.adapter.web.webhook;

import com.datamingle.adapter.web.error.Problem;
import com.datamingle.adapter.web.error.RequestRejected;
import com.datamingle.adapter.web.workos.WorkOsEventJson;
import com.datamingle.application.port.in.sync.ApplyWorkOsEventUseCase;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/workos}: WorkOS's user events and {@code session.revoked}. The signature is
 * checked on the raw bytes before anything is parsed; a bad or stale one is 401 and changes
 * nothing. The event is applied (or found to be a repeat or stale) before the 200, so WorkOS
 * retries anything not recorded. Events this service does not consume are answered 200 and ignored.
 */
public final class WebhookRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
  private final ApplyWorkOsEventUseCase apply;
  private final WebhookSignature signature;
  private final ObjectMapper json;

  /**
   * {@code signature}: null when no webhook secret is configured (every delivery is then refused
   * with 503).
   */
  public WebhookRoutes(
      ApplyWorkOsEventUseCase apply, WebhookSignature signature, ObjectMapper json) {
    this.apply = apply;
    this.signature = signature;
    this.json = json;
  }

  public void receive(Context ctx) {
    if (signature == null) {
      throw RequestRejected.of(
          Problem.of(
              Problem.Kind.WEBHOOKS_NOT_CONFIGURED,
              "this server has no webhook secret; set WORKOS_WEBHOOK_SECRET to the endpoint's"
                  + " secret from the WorkOS dashboard"));
    }
    byte[] body = ctx.bodyAsBytes();
    try {
      signature.verify(ctx.header(WebhookSignature.HEADER), body);
    } catch (WebhookSignature.Invalid e) {
      LOG.warn("refused a webhook delivery: {}", e.getMessage());
      throw RequestRejected.of(
          Problem.of(
              Problem.Kind.INVALID_SIGNATURE,
              e.getMessage()
                  + "; check WORKOS_WEBHOOK_SECRET against the endpoint's secret in the WorkOS"
                  + " dashboard"));
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (IOException e) {
      throw RequestRejected.malformed("the event is not valid JSON");
    }
    WorkOsEventFeed.Entry entry = WorkOsEventJson.parse(node);
    String outcome =
        entry.userEvent() != null
            ? apply.apply(entry.userEvent()).name().toLowerCase(Locale.ROOT)
            : entry.sessionRevoked() != null
                ? apply.apply(entry.sessionRevoked()).name().toLowerCase(Locale.ROOT)
                : "ignored";
    LOG.info("webhook {} {}: {}", entry.eventId(), node.path("event").asText(), outcome);
    ctx.json(Map.of("id", entry.eventId(), "outcome", outcome));
  }
}
