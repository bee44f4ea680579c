package com.datamingle.migrations.transfer;

import java.util.Optional;

/** Asks the identity provider for a user's email, for users a source holds without one. */
public interface EmailLookup {
  EmailLookup UNAVAILABLE =
      workosUserId -> {
        throw new IllegalStateException("no WorkOS API key is configured (set WORKOS_API_KEY)");
      };

  /**
   * The email WorkOS holds for the user; empty when WorkOS does not know the user. Throws {@link
   * IllegalStateException} saying why WorkOS could not be asked.
   */
  Optional<String> email(String workosUserId);
}
