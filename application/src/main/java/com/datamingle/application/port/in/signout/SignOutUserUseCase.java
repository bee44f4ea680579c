package com.datamingle.application.port.in.signout;

import com.datamingle.application.port.in.admin.UserReference;
import com.datamingle.domain.user.User;
import java.time.Instant;
import java.util.Objects;

/**
 * Use case: sign a user out everywhere. Every access token of the user issued up to now is refused
 * by every process of the service from its next request on; when the identity provider's sessions
 * API is configured, the user's sessions are also ended there, so that their tokens are not
 * refreshed. The local sign-out holds even when the provider cannot be reached.
 *
 * @throws com.datamingle.domain.user.UserNotFound when nobody matches
 */
public interface SignOutUserUseCase {

  Result signOut(UserReference user);

  /**
   * {@code providerSessionsRevoked}: how many sessions the provider ended (null when it was not
   * asked: no API key); {@code providerFailure}: what went wrong there, null when nothing did.
   */
  record Result(
      User user, Instant signedOutAt, Integer providerSessionsRevoked, String providerFailure) {
    public Result {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(signedOutAt, "signedOutAt");
    }
  }
}
