package com.datamingle.application.port.out;

import com.datamingle.domain.user.WorkOsUserId;
import java.util.List;

/**
 * Outbound port: the identity provider's sessions of a user (WorkOS's sessions API), so that a
 * sign-out also stops the refresh of their tokens.
 *
 * @throws IdentityProviderUnavailable (from each method) when the provider cannot be asked
 */
public interface IdentityProviderSessions {

  /** The ids of the user's active sessions. */
  List<String> activeSessions(WorkOsUserId user);

  /** Ends one session at the provider. */
  void revoke(String sessionId);
}
