package com.datamingle.adapter.web.client.workos;

import com.datamingle.adapter.web.workos.WorkOsEventJson;
import com.datamingle.application.port.out.IdentityProviderDirectory;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.WorkOsUserId;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Outbound adapter: WorkOS's {@code GET /user_management/users/{id}} with the API key, for the
 * first sign-in of a user whose token carries no email (see {@link WorkOsApi} for timeouts and
 * retries). A 404 means WorkOS does not know the user.
 */
public final class WorkOsUserDirectory implements IdentityProviderDirectory {
  private final WorkOsApi api;
  private final String apiKey;
  private final ObjectMapper json = new ObjectMapper();

  public WorkOsUserDirectory(URI baseUrl, String apiKey, Duration timeout) {
    this.api = new WorkOsApi(baseUrl, apiKey, timeout);
    this.apiKey = apiKey;
  }

  @Override
  public Optional<IdentityProfile> fetchProfile(WorkOsUserId workosUserId) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IdentityProviderUnavailable(
          "the token carries no email and no WORKOS_API_KEY is configured to ask WorkOS;"
              + " set WORKOS_API_KEY or add urn:datamingle:email to the JWT template",
          null);
    }
    HttpResponse<String> response =
        api.get("user_management/users/" + workosUserId.value(), "user " + workosUserId);
    return switch (response.statusCode()) {
      case 200 -> Optional.of(parse(response.body()));
      case 404 -> Optional.empty();
      default ->
          throw new IdentityProviderUnavailable(
              "WorkOS answered " + response.statusCode() + " for user " + workosUserId, null);
    };
  }

  private IdentityProfile parse(String body) {
    try {
      return WorkOsEventJson.profile(json.readTree(body));
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IdentityProviderUnavailable(
          "WorkOS sent a user this service cannot read: " + e.getMessage(), e);
    }
  }
}
