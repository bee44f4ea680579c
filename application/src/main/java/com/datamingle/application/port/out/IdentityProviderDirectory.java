package com.datamingle.application.port.out;

import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.WorkOsUserId;
import java.util.Optional;

/**
 * Outbound port: asks the identity provider (WorkOS) for a user's profile, for the first sign-in of
 * a user whose token carries no email.
 *
 * @throws IdentityProviderUnavailable when the provider cannot be reached or answers with an error
 */
public interface IdentityProviderDirectory {

  Optional<IdentityProfile> fetchProfile(WorkOsUserId workosUserId);
}
