package com.datamingle.adapter.web.client.workos;

import com.datamingle.application.port.out.IdentityProviderSessions;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.user.WorkOsSessionRevoked;
import com.datamingle.domain.user.WorkOsUserId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Outbound adapter: WorkOS's sessions API with the API key: {@code GET
 * /user_management/users/{id}/sessions} (every page, {@code after} the last one's cursor) and
 * {@code POST /user_management/sessions/revoke} with {@code {"session_id": ...}}. Timeouts and
 * retries as {@link WorkOsApi}.
 */
public final class WorkOsSessions implements IdentityProviderSessions {
  private static final int PAGE = 100;
  private static final int MAX_PAGES = 50;
  private final WorkOsApi api;
  private final ObjectMapper json = new ObjectMapper();

  public WorkOsSessions(URI baseUrl, String apiKey, Duration timeout) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "WorkOS's sessions API needs WORKOS_API_KEY; set it to the environment's API key");
    }
    this.api = new WorkOsApi(baseUrl, apiKey, timeout);
  }

  @Override
  public List<String> activeSessions(WorkOsUserId user) {
    List<String> sessions = new ArrayList<>();
    String after = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String query =
          "limit="
              + PAGE
              + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
      HttpResponse<String> response =
          api.get(
              "user_management/users/" + user.value() + "/sessions?" + query,
              "the sessions of " + user);
      if (response.statusCode() != 200) {
        throw new IdentityProviderUnavailable(
            "WorkOS answered " + response.statusCode() + " to the sessions of " + user, null);
      }
      JsonNode body = read(response.body());
      JsonNode data = body.path("data");
      for (JsonNode session : data) {
        String id = session.path("id").asText("");
        String status = session.path("status").asText("active");
        if (WorkOsSessionRevoked.isSessionId(id) && "active".equals(status)) {
          sessions.add(id);
        }
      }
      JsonNode next = body.path("list_metadata").path("after");
      if (next.isNull() || next.isMissingNode() || next.asText("").isEmpty() || data.size() == 0) {
        return sessions;
      }
      after = next.asText();
    }
    return sessions;
  }

  @Override
  public void revoke(String sessionId) {
    HttpResponse<String> response =
        api.post(
            "user_management/sessions/revoke",
            json.createObjectNode().put("session_id", sessionId).toString(),
            "the revocation of " + sessionId);
    int status = response.statusCode();
    // 404: WorkOS no longer has the session, which is what a revocation wants
    if (status / 100 != 2 && status != 404) {
      throw new IdentityProviderUnavailable(
          "WorkOS answered " + status + " to the revocation of " + sessionId, null);
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new IdentityProviderUnavailable("WorkOS sent a sessions list that is not JSON", e);
    }
  }
}
