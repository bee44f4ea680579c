package com.datamingle.adapter.web.testing;

import com.datamingle.adapter.web.ApiRoute;
import com.datamingle.adapter.web.WebDependencies;
import com.datamingle.adapter.web.WebModule;
import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.adapter.web.ops.Readiness;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The API's route table as {@link WebModule} declares it, for tests that walk every route. */
public final class RouteTable {
  private RouteTable() {}

  public static List<ApiRoute> routes() {
    WebDependencies none =
        new WebDependencies(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            () -> new Readiness.Status(true, null),
            new Metrics());
    return WebModule.routes(none, WebSettings.defaults(), new ObjectMapper());
  }
}
