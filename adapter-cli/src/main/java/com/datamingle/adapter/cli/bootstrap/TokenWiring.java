package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.web.auth.DevSigningKey;
import com.datamingle.adapter.web.auth.JwksKeyStore;
import com.datamingle.adapter.web.auth.WorkOsTokenVerifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Which tokens the server accepts: WorkOS's, or in dev mode those of the local dev key. */
final class TokenWiring {
  private TokenWiring() {}

  /** The verifier, its key store (for metrics), the dev JWKS to serve (or null), and a label. */
  record TokenSetup(
      WorkOsTokenVerifier verifier, JwksKeyStore keys, String devJwks, String description) {}

  static TokenSetup devTokens(Path devDir, Clock clock) {
    DevSigningKey key = DevSigningKey.loadOrCreate(devDir);
    JwksKeyStore keys =
        new JwksKeyStore(
            key.jwksUrl(), Duration.ofSeconds(2), Duration.ofDays(1), Duration.ofSeconds(1), clock);
    WorkOsTokenVerifier verifier =
        new WorkOsTokenVerifier(keys, List.of(DevSigningKey.ISSUER), 30, clock);
    return new TokenSetup(
        verifier,
        keys,
        key.jwksJson(),
        "the dev signing key in "
            + devDir.toAbsolutePath()
            + " (issuer "
            + DevSigningKey.ISSUER
            + ")");
  }

  static TokenSetup workosTokens(Settings settings, Clock clock) {
    List<String> issuers = settings.issuers();
    if (issuers.contains(DevSigningKey.ISSUER)) {
      throw new Settings.InvalidSettings(
          "WORKOS_ISSUERS names the dev issuer "
              + DevSigningKey.ISSUER
              + ", which only `serve --dev` may accept; remove it");
    }
    URL jwks;
    try {
      jwks = settings.jwksUrl().toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new Settings.InvalidSettings(
          "WORKOS_JWKS_URL is not a URL this service can fetch; give an https URL");
    }
    JwksKeyStore keys =
        new JwksKeyStore(
            jwks, Duration.ofSeconds(3), Duration.ofMinutes(10), Duration.ofSeconds(1), clock);
    WorkOsTokenVerifier verifier = new WorkOsTokenVerifier(keys, issuers, 30, clock);
    return new TokenSetup(
        verifier,
        keys,
        null,
        jwks.getProtocol()
            + "://"
            + jwks.getAuthority()
            + jwks.getPath()
            + " (issuers "
            + String.join(", ", issuers)
            + ")");
  }
}
