package com.datamingle.application.port.in.signin;

import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
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
 */
public interface ResolveSignInUseCase {

  User resolveSignIn(Command command);

  /**
   * A verified identity: the WorkOS user id and session id, and the profile claims when the token
   * had them.
   */
  record Command(WorkOsUserId workosUserId, String sessionId, IdentityProfile profile) {
    public Command {
      Objects.requireNonNull(workosUserId, "workosUserId");
      Objects.requireNonNull(sessionId, "sessionId");
    }
  }
}
