package com.datamingle.adapter.web.ops;

import com.datamingle.adapter.web.error.ErrorMapping;
import com.datamingle.adapter.web.error.Problem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Liveness, readiness, metrics, and the API's own description (OpenAPI and Swagger UI). */
public final class OpsRoutes {
  private final Readiness readiness;
  private final Metrics metrics;
  private final byte[] openApi;
  private final String docsPage;

  public OpsRoutes(Readiness readiness, Metrics metrics) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.openApi = resource("/com/datamingle/adapter/web/openapi.json");
    this.docsPage =
        new String(resource("/com/datamingle/adapter/web/docs.html"), StandardCharsets.UTF_8)
            .replace("${swaggerUi}", "/webjars/swagger-ui/" + swaggerUiVersion());
  }

  public void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  public void ready(Context ctx) {
    Readiness.Status status = readiness.check();
    if (status.ready()) {
      ctx.json(
          status.detail() == null
              ? Map.of("status", "ready")
              : Map.of("status", "ready", "detail", status.detail()));
    } else {
      ctx.header("Retry-After", "5");
      ErrorMapping.send(ctx, Problem.of(Problem.Kind.NOT_READY, status.detail()));
    }
  }

  public void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  public void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  public void docs(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(docsPage);
  }

  private static byte[] resource(String name) {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }

  static String swaggerUiVersion() {
    try (InputStream in =
        OpsRoutes.class.getResourceAsStream(
            "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      Properties props = new Properties();
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
      }
      props.load(in);
      return props.getProperty("version");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the swagger-ui webjar version", e);
    }
  }
}
