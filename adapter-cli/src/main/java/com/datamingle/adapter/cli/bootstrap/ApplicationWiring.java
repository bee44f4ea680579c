package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.persistence.PersistenceModule;
import com.datamingle.adapter.web.WebDependencies;
import com.datamingle.adapter.web.auth.TokenVerifier;
import com.datamingle.adapter.web.client.workos.WorkOsEventsClient;
import com.datamingle.adapter.web.client.workos.WorkOsSessions;
import com.datamingle.adapter.web.ops.Metrics;
import com.datamingle.adapter.web.ops.Readiness;
import com.datamingle.application.port.out.IdentityProviderDirectory;
import com.datamingle.application.port.out.WorkOsEventFeed;
import com.datamingle.application.service.ApplicationServices;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The application's services over an open persistence module, as every process builds them. */
final class ApplicationWiring {
  private ApplicationWiring() {}

  /** A directory for processes that never look a new user up at WorkOS (operators' commands). */
  static final IdentityProviderDirectory NO_DIRECTORY = id -> Optional.empty();

  static ApplicationServices services(
      PersistenceModule persistence,
      IdentityProviderDirectory directory,
      Settings settings,
      Clock clock) {
    return ApplicationServices.create(
        new ApplicationServices.Ports(
            persistence.userRepository(),
            persistence.syncStore(),
            persistence.unitOfWork(),
            persistence.idGenerator(),
            persistence.tokenRevocations()),
        directory,
        eventFeed(settings),
        settings.workosApiKey() == null
            ? null
            : new WorkOsSessions(
                settings.apiBaseUrl(), settings.workosApiKey(), Duration.ofSeconds(10)),
        clock);
  }

  /** What the web adapter drives: the use cases of {@code services}, and what serving needs. */
  static WebDependencies webDependencies(
      ApplicationServices services, TokenVerifier verifier, Readiness readiness, Metrics metrics) {
    return new WebDependencies(
        services.resolveSignIn(),
        services.updateMyProfile(),
        services.listUsers(),
        services.getUser(),
        services.changeUserAccess(),
        services.signOutUser(),
        services.applyWorkOsEvent(),
        verifier,
        readiness,
        metrics);
  }

  /** WorkOS's Events API with the API key; without a key, a feed that says how to configure one. */
  static WorkOsEventFeed eventFeed(Settings settings) {
    if (settings.workosApiKey() == null) {
      return (after, limit) -> {
        throw new ServiceRefused(
            "reading WorkOS events needs WORKOS_API_KEY; set it to the API key of the WorkOS"
                + " environment");
      };
    }
    return new WorkOsEventsClient(
        settings.apiBaseUrl(), settings.workosApiKey(), Duration.ofSeconds(10));
  }
}
