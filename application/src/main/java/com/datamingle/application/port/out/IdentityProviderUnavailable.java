package com.datamingle.application.port.out;

/** The identity provider could not be asked; the caller should retry later. */
public final class IdentityProviderUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdentityProviderUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
