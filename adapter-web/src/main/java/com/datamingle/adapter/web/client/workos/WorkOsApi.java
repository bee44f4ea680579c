package com.datamingle.adapter.web.client.workos;

import com.datamingle.application.port.out.IdentityProviderUnavailable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WorkOS REST API as this service calls it: GET (and an idempotent POST) with the API key,
 * short timeouts, no redirects, one retry when WorkOS cannot be reached or answers 5xx. A refused
 * key (401/403) is reported at once, naming WORKOS_API_KEY; the key itself never appears in a log
 * line or message.
 */
final class WorkOsApi {
  private static final Logger LOG = LoggerFactory.getLogger(WorkOsApi.class);
  private final URI baseUrl;
  private final String apiKey;
  private final Duration timeout;
  private volatile HttpClient http;

  WorkOsApi(URI baseUrl, String apiKey, Duration timeout) {
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  /**
   * The HTTP client, made on the first call: making one sets up TLS (some 500 classes and the
   * random generator's seeding), which {@code serve} would otherwise pay before {@code /ready}
   * although WorkOS is asked only later (the Events API poller, a session revocation).
   */
  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .connectTimeout(timeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
          http = client;
        }
      }
    }
    return client;
  }

  /**
   * The answer to {@code GET <base>/<pathAndQuery>} when its status is below 500 and not 401/403.
   * {@code what} names the request in messages ("the user profile", "events").
   */
  HttpResponse<String> get(String pathAndQuery, String what) {
    return send(request(pathAndQuery).GET().build(), what);
  }

  /**
   * The answer to {@code POST <base>/<path>} with a JSON body, as {@link #get} (only for requests
   * that are safe to repeat: the retry sends it again).
   */
  HttpResponse<String> post(String path, String json, String what) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        what);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(baseUrl.resolve(pathAndQuery))
        .timeout(timeout)
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    String last = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 401 || status == 403) {
          LOG.error("WorkOS refused the API key ({}); check WORKOS_API_KEY", status);
          throw new IdentityProviderUnavailable(
              "WorkOS refused the API key (" + status + "); check WORKOS_API_KEY", null);
        }
        if (status < 500) {
          return response;
        }
        last = "WorkOS answered " + status;
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IdentityProviderUnavailable("interrupted while asking WorkOS for " + what, e);
      }
      LOG.warn("asking WorkOS for {} failed (attempt {}): {}", what, attempt, last);
    }
    throw new IdentityProviderUnavailable(
        "WorkOS could not be asked for " + what + " (" + last + "); retry later", null);
  }
}
