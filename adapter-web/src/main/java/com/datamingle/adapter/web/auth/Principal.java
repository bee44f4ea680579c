package com.datamingle.adapter.web.auth;

import com.datamingle.domain.user.User;
import io.javalin.http.Context;

/** The signed-in caller of a request, as the access check left it on the context. */
public record Principal(User user, VerifiedToken token) {
  static final String ATTRIBUTE = "datamingle.principal";

  /** The caller of a route that requires sign-in. */
  public static Principal of(Context ctx) {
    Principal principal = ctx.attribute(ATTRIBUTE);
    if (principal == null) {
      throw new IllegalStateException("route without a signed-in role asked for the principal");
    }
    return principal;
  }

  /** The caller's user id for logs, or "-" when nobody signed in. */
  public static String userIdOrDash(Context ctx) {
    Principal principal = ctx.attribute(ATTRIBUTE);
    return principal == null ? "-" : principal.user().id().toString();
  }
}
