package com.datamingle.domain.user;

import java.util.Objects;

/**
 * What the identity provider (WorkOS) says about a user: the email, and the names and picture when
 * it knows them. The provider is the authority on these fields.
 */
public record IdentityProfile(
    Email email, PersonName firstName, PersonName lastName, PictureUrl profilePictureUrl) {

  public IdentityProfile {
    Objects.requireNonNull(email, "email");
  }
}
