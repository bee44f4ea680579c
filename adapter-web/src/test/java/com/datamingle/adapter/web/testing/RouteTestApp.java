package com.datamingle.adapter.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.datamingle.adapter.web.WebDependencies;
import com.datamingle.adapter.web.WebModule;
import com.datamingle.adapter.web.WebServer;
import com.datamingle.adapter.web.WebSettings;
import com.datamingle.adapter.web.auth.JwksKeyStore;
import com.datamingle.adapter.web.auth.WorkOsTokenVerifier;
import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.application.port.in.admin.ChangeUserAccessUseCase;
import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.application.service.ApplicationServices;
import com.datamingle.application.testing.FakeIdentityProviderDirectory;
import com.datamingle.application.testing.InMemoryUserRepository;
import com.datamingle.application.testing.TestApplication;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The web adapter over the use cases of the application module's in-memory test double (no
 * database, no other adapter), verifying real tokens against a {@link FakeWorkOs}; readiness is
 * whatever a test sets. Route tests send their requests through {@link #run} (JavalinTest).
 */
public final class RouteTestApp implements AutoCloseable {
  public static final String ADMIN_SUB = "user_01ADMIN";
  public static final String MEMBER_SUB = "user_01MEMBER";
  public static final String GONE_SUB = "user_01GONE";

  private final TestApplication application = new TestApplication();
  public final ApplicationServices services = application.services;
  public final InMemoryUserRepository users = application.users;
  public final com.datamingle.application.testing.MutableClock clock = application.clock;
  public final FakeIdentityProviderDirectory directory = application.directory;
  public final FakeWorkOs workos;
  public final Metrics metrics = new Metrics();
  public volatile Readiness.Status readiness = new Readiness.Status(true, null);
  public final WebServer server;

  public RouteTestApp(WebSettings settings) throws Exception {
    workos = new FakeWorkOs();
    JwksKeyStore keys =
        new JwksKeyStore(
            workos.jwksUrl(),
            Duration.ofSeconds(2),
            Duration.ofMinutes(10),
            Duration.ofSeconds(1),
            Clock.systemUTC());
    metrics.counter("datamingle_jwks_fetches_total", "JWKS fetches", keys::fetchCount);
    WebDependencies deps =
        new WebDependencies(
            services.resolveSignIn(),
            services.updateMyProfile(),
            services.listUsers(),
            services.getUser(),
            services.changeUserAccess(),
            services.signOutUser(),
            services.applyWorkOsEvent(),
            new WorkOsTokenVerifier(keys, List.of(FakeWorkOs.ISSUER), 30, Clock.systemUTC()),
            () -> readiness,
            metrics);
    server = WebModule.create(deps, settings);
  }

  /** Runs the test against a fresh app with a webhook secret. */
  public static void run(BiConsumer<RouteTestApp, Http> test) {
    run(WebSettings.defaults().withWorkosWebhookSecret(FakeWorkOs.WEBHOOK_SECRET), test);
  }

  /** Runs the test against a fresh app with these settings. */
  public static void run(WebSettings settings, BiConsumer<RouteTestApp, Http> test) {
    RouteTestApp app;
    try {
      app = new RouteTestApp(settings);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    try (app) {
      JavalinTest.test(
          app.server.javalin(), (server, client) -> test.accept(app, new Http(client.getOrigin())));
    }
  }

  /** A test given the app, its client and the tokens of {@link #people}. */
  public interface WithPeople {
    void run(RouteTestApp app, Http http, Map<String, String> tokens);
  }

  /** Runs the test against a fresh app where {@link #people} have signed in. */
  public static void withPeople(WithPeople test) {
    run((app, http) -> test.run(app, http, app.people(http)));
  }

  /** A token for a WorkOS user whose email comes with it (a JWT template). */
  public String token(String sub, String email) {
    return workos.token(sub, email);
  }

  /** Signs this user in (GET /api/me answers 200) and returns their token. */
  public String signIn(Http http, String sub, String email) {
    String token = token(sub, email);
    assertThat(http.get("/api/me", token).status()).as("sign-in of " + sub).isEqualTo(200);
    return token;
  }

  /** Signs in an admin, a member and a deactivated member; returns their tokens. */
  public Map<String, String> people(Http http) {
    String admin = signIn(http, ADMIN_SUB, "admin@example.com");
    String member = signIn(http, MEMBER_SUB, "member@example.com");
    String gone = signIn(http, GONE_SUB, "gone@example.com");
    services
        .changeUserAccess()
        .changeUserAccess(
            new ChangeUserAccessUseCase.Command(UserReference.parse(ADMIN_SUB), null, true));
    services
        .changeUserAccess()
        .changeUserAccess(
            new ChangeUserAccessUseCase.Command(UserReference.parse(GONE_SUB), false, null));
    return Map.of("admin", admin, "member", member, "deactivated", gone);
  }

  public String idOf(String sub) {
    return services.getUser().getUser(UserReference.parse(sub)).id().toString();
  }

  @Override
  public void close() {
    workos.close();
  }
}
