package com.datamingle.adapter.web.auth;

import com.datamingle.application.port.in.signin.ResolveSignInUseCase;
import com.datamingle.domain.user.User;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The one access check, run before every matched route: reads the route's role, takes the bearer
 * token, verifies it, resolves the user (creating it on a first sign-in) and leaves a {@link
 * Principal} on the context. A deactivated user is refused on every signed-in route.
 */
public final class AccessCheck {
  private final TokenVerifier verifier;
  private final ResolveSignInUseCase signIn;

  public AccessCheck(TokenVerifier verifier, ResolveSignInUseCase signIn) {
    this.verifier = verifier;
    this.signIn = signIn;
  }

  public void handle(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty() || roles.contains(Role.ANYONE) || roles.contains(Role.WORKOS)) {
      return;
    }
    VerifiedToken token = verifier.verify(bearerToken(ctx));
    User user =
        signIn.resolveSignIn(
            new ResolveSignInUseCase.Command(
                token.workosUserId(), token.sessionId(), token.profile(), token.issuedAt()));
    ctx.attribute(Principal.ATTRIBUTE, new Principal(user, token));
    if (roles.contains(Role.ADMIN) && !roles.contains(Role.MEMBER) && !user.admin()) {
      throw new AdminRequired();
    }
  }

  /**
   * The token of the one {@code Authorization: Bearer} header; the scheme is case-insensitive (RFC
   * 6750).
   */
  static String bearerToken(Context ctx) {
    List<String> headers = Collections.list(ctx.req().getHeaders("Authorization"));
    if (headers.isEmpty()) {
      throw new MissingToken("no Authorization header");
    }
    if (headers.size() > 1) {
      throw new InvalidToken("more than one Authorization header");
    }
    String header = headers.get(0).strip();
    if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new MissingToken("Authorization is not a Bearer token");
    }
    String token = header.substring(7).strip();
    if (token.isEmpty()) {
      throw new InvalidToken("empty bearer token");
    }
    return token;
  }
}
