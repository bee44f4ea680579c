package com.datamingle.adapter.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.ApiRoute;
import com.datamingle.adapter.web.auth.Role;
import com.datamingle.adapter.web.testing.Http;
import com.datamingle.adapter.web.testing.RouteTable;
import com.datamingle.adapter.web.testing.RouteTestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /health}, {@code /ready}, {@code /metrics}, {@code /openapi.json} and {@code /docs}. */
class OpsRoutesTest {
  @Test
  void healthAndReadinessNeedNoToken() {
    RouteTestApp.run(
        (app, http) -> {
          assertThat(http.get("/health", null).json().get("status").asText()).isEqualTo("ok");
          assertThat(http.get("/ready", null).status()).isEqualTo(200);
          assertThat(http.get("/ready", null).json().has("detail")).isFalse();

          app.readiness = new Readiness.Status(true, "the schema is newer; the change is additive");
          Http.Response readyWithDetail = http.get("/ready", null);
          assertThat(readyWithDetail.status()).isEqualTo(200);
          assertThat(readyWithDetail.json().get("status").asText()).isEqualTo("ready");
          assertThat(readyWithDetail.json().get("detail").asText()).contains("additive");

          app.readiness =
              new Readiness.Status(false, "schema is behind head: run `datamingle db upgrade`");
          Http.Response notReady = http.get("/ready", null);

          assertThat(notReady.status()).isEqualTo(503);
          assertThat(notReady.header("Content-Type")).startsWith("application/problem+json");
          assertThat(notReady.header("Retry-After")).isNotNull();
          assertThat(notReady.json().get("detail").asText()).contains("db upgrade");
        });
  }

  @Test
  void metricsCountRequestsByRouteAndJwksFetches() {
    RouteTestApp.run(
        (app, http) -> {
          http.get("/api/me", app.token("user_01M", "m@example.com"));
          http.get("/health", null);

          String metrics = http.get("/metrics", null).body();

          assertThat(metrics)
              .contains(
                  "http_server_requests_seconds_count{method=\"GET\",route=\"/api/me\",status=\"200\"}");
          assertThat(metrics).contains("http_server_requests_seconds_bucket");
          assertThat(metrics).containsPattern("datamingle_jwks_fetches_total 1(\\.0)?");
        });
  }

  @Test
  void theOpenApiDocumentMatchesTheRoutes() {
    RouteTestApp.run(
        (app, http) -> {
          JsonNode doc = http.get("/openapi.json", null).json();
          assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
          Set<String> documented = new HashSet<>();
          doc.get("paths")
              .fields()
              .forEachRemaining(
                  path ->
                      path.getValue()
                          .fieldNames()
                          .forEachRemaining(
                              method -> {
                                if (!method.equals("parameters")) {
                                  documented.add(
                                      method.toUpperCase(java.util.Locale.ROOT)
                                          + " "
                                          + path.getKey());
                                }
                              }));
          Set<String> registered = new HashSet<>();
          for (ApiRoute route : RouteTable.routes()) {
            registered.add(route.method() + " " + route.path());
            if (route.role() != Role.ANYONE) {
              assertThat(
                      doc.get("paths")
                          .get(route.path())
                          .get(route.method().toLowerCase(java.util.Locale.ROOT))
                          .has("security"))
                  .as(route.path())
                  .isTrue();
            }
          }
          assertThat(documented).isEqualTo(registered);
        });
  }

  @Test
  void theDocsPageLoadsSwaggerUiFromItsWebjar() {
    RouteTestApp.run(
        (app, http) -> {
          Http.Response docs = http.get("/docs", null);
          assertThat(docs.status()).isEqualTo(200);
          assertThat(docs.body()).contains("SwaggerUIBundle").contains("/openapi.json");
          String bundle =
              docs.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
          Http.Response script = http.get(bundle, null);
          assertThat(script.status()).isEqualTo(200);
          assertThat(script.header("Content-Type")).startsWith("text/javascript");
          assertThat(script.header("Cache-Control")).isEqualTo("max-age=31622400");
          assertThat(script.body()).contains("SwaggerUIBundle");
          String missing = bundle.replace("swagger-ui-bundle.js", "no-such-file.js");
          assertThat(http.get(missing, null).status()).isEqualTo(404);
        });
  }
}
