package com.datamingle.adapter.web.auth;

/** A signed-in user who is not an admin called an admin route. */
public final class AdminRequired extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AdminRequired() {
    super("this route is for admins; ask an admin to promote you");
  }
}
