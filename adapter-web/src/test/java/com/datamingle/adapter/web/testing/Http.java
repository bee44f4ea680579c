package com.datamingle.adapter.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plain JDK HTTP client for tests: full control over methods, headers and raw bodies. */
public final class Http {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String origin;

  public Http(String origin) {
    this.origin = origin;
  }

  public record Response(int status, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst()
          .map(e -> e.getValue().get(0))
          .orElse(null);
    }

    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public Response get(String path, String token) {
    return send(
        "GET", path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
  }

  public Response patch(String path, String token, String json) {
    return send(
        "PATCH",
        path,
        Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
        json);
  }

  /** A CORS preflight from this origin for this method, asking for the API's two headers. */
  public Response preflight(String path, String origin, String method) {
    return send(
        "OPTIONS",
        path,
        Map.of(
            "Origin",
            origin,
            "Access-Control-Request-Method",
            method,
            "Access-Control-Request-Headers",
            "authorization,content-type"),
        null);
  }

  /** Every user of {@code GET /api/users}, following {@code next_cursor}; and how many pages. */
  public record Pages(List<String> emails, int pages) {}

  public Pages allUsers(String query, String token) {
    List<String> emails = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page =
          get("/api/users?" + query + (cursor == null ? "" : "&cursor=" + cursor), token);
      if (page.status() != 200) {
        throw new AssertionError("a page of users answered " + page.status() + ": " + page.body());
      }
      page.json().get("users").forEach(u -> emails.add(u.get("email").asText()));
      JsonNode next = page.json().get("next_cursor");
      cursor = next.isNull() ? null : next.asText();
      pages++;
    } while (cursor != null);
    return new Pages(emails, pages);
  }

  public Response send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(origin + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
