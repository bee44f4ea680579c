package com.datamingle.application.port.in.signin;

import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Use case: turns a verified identity into our user. Finds the user, or creates it just in time on
 * the first sign-in; refreshes email and names when the provider sent them and they changed;
 * records the login once per new session. A request of a known session writes nothing.
 *
 * @throws com.datamingle.domain.user.UserDeactivated when the user was deactivated
 * @throws com.datamingle.application.port.out.IdentityProviderUnavailable when the user is new, the
 *     token carried no profile and the provider could not be asked
 * @throws UnknownIdentity when the provider does not know the user
 * @throws TokenRevoked when the token's session was revoked or its user signed out after it was
 *     issued
 */
public interface ResolveSignInUseCase {

  User resolveSignIn(Command command);

  /**
   * A verified identity: the WorkOS user id and session id, the profile claims when the token had
   * them, and when the token was issued ({@code iat}).
   */
  record Command(
      WorkOsUserId workosUserId, String sessionId, IdentityProfile profile, Instant issuedAt) {
    public Command {
      Objects.requireNonNull(workosUserId, "workosUserId");
      Objects.requireNonNull(sessionId, "sessionId");
    }

    /** An identity whose token's issue time is not known: only its session is checked. */
    public Command(WorkOsUserId workosUserId, String sessionId, IdentityProfile profile) {
      this(workosUserId, sessionId, profile, null);
    }
  }
}
