package com.datamingle.adapter.web.client.workos;

import com.datamingle.adapter.web.workos.WorkOsEventJson;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.domain.user.WorkOsSessionRevoked;
import com.datamingle.domain.user.WorkOsUserEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound adapter: WorkOS's {@code GET /events} with the API key, user events and {@code
 * session.revoked} only, oldest first, after a cursor ({@code
 * events=user.created,user.updated,user.deleted&order=asc&after=}). Timeouts and retries as {@link
 * WorkOsApi}. An event this service cannot read (an email it refuses, say) is logged and passed on
 * as ignored, so one bad event cannot stop the sync for good.
 */
public final class WorkOsEventsClient implements WorkOsEventFeed {
  private static final Logger LOG = LoggerFactory.getLogger(WorkOsEventsClient.class);
  static final String EVENT_TYPES =
      Arrays.stream(WorkOsUserEvent.Kind.values())
              .map(WorkOsUserEvent.Kind::eventName)
              .collect(Collectors.joining(","))
          + ","
          + WorkOsSessionRevoked.EVENT_NAME;
  private final WorkOsApi api;
  private final ObjectMapper json = new ObjectMapper();

  public WorkOsEventsClient(URI baseUrl, String apiKey, Duration timeout) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "reading WorkOS events needs WORKOS_API_KEY; set it to the environment's API key");
    }
    this.api = new WorkOsApi(baseUrl, apiKey, timeout);
  }

  @Override
  public List<Entry> after(String afterEventId, int limit) {
    String query =
        "events="
            + encode(EVENT_TYPES)
            + "&order=asc&limit="
            + limit
            + (afterEventId == null ? "" : "&after=" + encode(afterEventId));
    HttpResponse<String> response = api.get("events?" + query, "events");
    if (response.statusCode() != 200) {
      throw new IdentityProviderUnavailable(
          "WorkOS refused the events request ("
              + response.statusCode()
              + "): "
              + snippet(response.body())
              + (afterEventId == null
                  ? ""
                  : "; if the cursor "
                      + afterEventId
                      + " is older than WorkOS keeps events (30 days), run `datamingle users sync"
                      + " --from-start`"),
          null);
    }
    return parse(response.body());
  }

  private List<Entry> parse(String body) {
    JsonNode page;
    try {
      page = json.readTree(body);
    } catch (IOException e) {
      throw new IdentityProviderUnavailable("WorkOS sent an events page that is not JSON", e);
    }
    JsonNode data = page.get("data");
    if (data == null || !data.isArray()) {
      throw new IdentityProviderUnavailable("WorkOS sent an events page without a data list", null);
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode event : data) {
      String id = event.path("id").asText("");
      try {
        entries.add(WorkOsEventJson.parse(event));
      } catch (IllegalArgumentException e) {
        if (id.isBlank() || id.length() > WorkOsUserEvent.MAX_EVENT_ID_LENGTH) {
          throw new IdentityProviderUnavailable(
              "WorkOS sent an event without a usable id; the sync stops before it", e);
        }
        // one unreadable event must not stop the sync for good: skip it, loudly
        LOG.warn("skipping WorkOS event {}: {}", id, e.getMessage());
        entries.add(new Entry(id, null));
      }
    }
    return entries;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String snippet(String body) {
    String text = body == null ? "" : body.replaceAll("\\s+", " ");
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
