package com.datamingle.adapter.web.workos;

import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.domain.user.WorkOsUserEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * Outbound adapter: WorkOS's {@code GET /events} with the API key, user events only, oldest
 * first, after a cursor ({@code events=user.created,user.updated,user.deleted&order=asc&after=}).
 * Short timeouts and one retry; the API key never appears in a log line or message. An event
 * this service cannot read (an email it refuses, say) is logged and passed on as ignored, so one
 * bad event cannot stop the sync for good.
 */
public final class WorkOsEventsClient implements WorkOsEventFeed {
  private static final Logger LOG = LoggerFactory.getLogger(WorkOsEventsClient.class);
  static final String EVENT_TYPES = Arrays.stream(WorkOsUserEvent.Kind.values())
      .map(WorkOsUserEvent.Kind::eventName).collect(Collectors.joining(","));
  private final URI baseUrl;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public WorkOsEventsClient(URI baseUrl, String apiKey, Duration timeout) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("reading WorkOS events needs WORKOS_API_KEY; set it to the environment's API key");
    }
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public List<Entry> after(String afterEventId, int limit) {
    String query = "events=" + encode(EVENT_TYPES) + "&order=asc&limit=" + limit
        + (afterEventId == null ? "" : "&after=" + encode(afterEventId));
    HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("events?" + query))
        .timeout(timeout)
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json")
        .GET()
        .build();
    String last = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200) {
          return parse(response.body());
        }
        if (status == 401 || status == 403) {
          throw new IdentityProviderUnavailable("WorkOS refused the API key (" + status + "); check WORKOS_API_KEY", null);
        }
        if (status >= 400 && status < 500) {
          throw new IdentityProviderUnavailable("WorkOS refused the events request (" + status + "): " + snippet(response.body())
              + (afterEventId == null ? "" : "; if the cursor " + afterEventId + " is older than WorkOS keeps events (30 days),"
              + " run `datamingle users sync --from-start`"), null);
        }
        last = "WorkOS answered " + status;
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IdentityProviderUnavailable("interrupted while reading WorkOS events", e);
      }
    }
    throw new IdentityProviderUnavailable("WorkOS events could not be read (" + last + "); retry later", null);
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
          throw new IdentityProviderUnavailable("WorkOS sent an event without a usable id; the sync stops before it", e);
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
