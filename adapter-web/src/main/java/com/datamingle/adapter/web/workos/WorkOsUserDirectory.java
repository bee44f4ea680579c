package com.datamingle.adapter.web.workos;

import com.datamingle.application.port.out.IdentityProviderDirectory;
import com.datamingle.application.port.out.IdentityProviderUnavailable;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.PictureUrl;
import com.datamingle.domain.user.WorkOsUserId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound adapter: WorkOS's {@code GET /user_management/users/{id}} with the API key, for the
 * first sign-in of a user whose token carries no email. Short timeouts and one retry; a 404 means
 * WorkOS does not know the user. The API key never appears in a log line or message.
 */
public final class WorkOsUserDirectory implements IdentityProviderDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(WorkOsUserDirectory.class);
  private final URI baseUrl;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public WorkOsUserDirectory(URI baseUrl, String apiKey, Duration timeout) {
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Optional<IdentityProfile> fetchProfile(WorkOsUserId workosUserId) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IdentityProviderUnavailable("the token carries no email and no WORKOS_API_KEY is configured to ask WorkOS;"
          + " set WORKOS_API_KEY or add urn:datamingle:email to the JWT template", null);
    }
    HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("user_management/users/" + workosUserId.value()))
        .timeout(timeout)
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json")
        .GET()
        .build();
    Exception last = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200) {
          return Optional.of(parse(response.body()));
        }
        if (status == 404) {
          return Optional.empty();
        }
        if (status == 401 || status == 403) {
          LOG.error("WorkOS refused the API key ({}); check WORKOS_API_KEY", status);
          throw new IdentityProviderUnavailable("WorkOS refused the API key (" + status + ")", null);
        }
        last = new IOException("WorkOS answered " + status);
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IdentityProviderUnavailable("interrupted while asking WorkOS", e);
      }
      LOG.warn("asking WorkOS for {} failed (attempt {}): {}", workosUserId, attempt, last.getMessage());
    }
    throw new IdentityProviderUnavailable("WorkOS could not be asked for the user profile: " + last.getMessage(), last);
  }

  private IdentityProfile parse(String body) {
    try {
      JsonNode user = json.readTree(body);
      return new IdentityProfile(new Email(text(user, "email")),
          safe(() -> PersonName.ofNullable(text(user, "first_name"))),
          safe(() -> PersonName.ofNullable(text(user, "last_name"))),
          safe(() -> PictureUrl.ofNullable(text(user, "profile_picture_url"))));
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IdentityProviderUnavailable("WorkOS sent a user this service cannot read: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static <T> T safe(java.util.function.Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
