package com.datamingle.adapter.web.auth;

import io.javalin.security.RouteRole;

/** Who may call a route. */
public enum Role implements RouteRole {
  /** No token needed. */
  ANYONE,
  /** Any signed-in, active user. */
  MEMBER,
  /** A signed-in, active admin. */
  ADMIN,
  /** WorkOS itself: no token; the route checks the webhook signature. */
  WORKOS
}
