package com.datamingle.application.port.out;

import com.datamingle.domain.user.WorkOsUserId;
import java.time.Duration;
import java.time.Instant;

/**
 * Outbound port: the access tokens refused although their signature and expiry are good, those of a
 * revoked WorkOS session and those a user's sign-out ended. Each revocation is remembered until no
 * token it refuses can still be valid ({@link #rememberUntil}); every process of the service learns
 * of it as soon as it is committed.
 */
public interface TokenRevocations {
  /**
   * The longest access-token lifetime ({@code exp - iat}) accepted; WorkOS's default is 5 minutes.
   */
  Duration MAX_TOKEN_LIFETIME = Duration.ofDays(1);

  /** The clock skew between WorkOS and this service allowed for when a revocation is forgotten. */
  Duration CLOCK_SKEW = Duration.ofMinutes(1);

  /** When a revocation made at {@code at} can be forgotten: no token it refuses is valid then. */
  static Instant rememberUntil(Instant at) {
    return at.plus(MAX_TOKEN_LIFETIME).plus(CLOCK_SKEW);
  }

  /**
   * True when the token of this user, session and issue time ({@code iat}, whole seconds) is
   * refused: its session was revoked, or the user signed out at or after it was issued. Answered
   * from memory, for every request.
   */
  boolean refuses(WorkOsUserId user, String sessionId, Instant issuedAt);

  /** Refuses the session's tokens from now on (in the running transaction). */
  void revokeSession(WorkOsUserId user, String sessionId, Instant revokedAt);

  /** Refuses the user's tokens issued up to {@code signedOutAt} (in the running transaction). */
  void signOut(WorkOsUserId user, Instant signedOutAt);
}
