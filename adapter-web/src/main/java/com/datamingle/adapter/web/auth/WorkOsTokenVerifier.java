package com.datamingle.adapter.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.datamingle.application.port.out.TokenRevocations;
import com.datamingle.domain.user.Email;
import com.datamingle.domain.user.IdentityProfile;
import com.datamingle.domain.user.PersonName;
import com.datamingle.domain.user.PictureUrl;
import com.datamingle.domain.user.User;
import com.datamingle.domain.user.WorkOsUserId;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Verifies WorkOS AuthKit access tokens: RS256 only, keys from the environment's JWKS, issuer
 * pinned to the configured list, {@code exp}, {@code iat}, {@code sub} ({@code user_...}) and
 * {@code sid} ({@code session_...}) required, a small leeway for clock skew. Connect and M2M tokens
 * fail the subject, session and issuer checks. Header fields that name keys ({@code jku}, {@code
 * x5u}, {@code jwk}, {@code x5c}) are never followed; only {@code kid} is looked up, and only in
 * the configured JWKS. A token that lives longer than {@link TokenRevocations#MAX_TOKEN_LIFETIME}
 * ({@code exp - iat}) is refused: revocations are remembered only that long. Whether a verified
 * token was revoked is not its concern: the sign-in check asks on every request, whatever this
 * cache holds.
 *
 * <p>Email and names are read from namespaced claims when a JWT template adds them: {@code
 * urn:datamingle:email}, {@code urn:datamingle:first_name}, {@code urn:datamingle:last_name},
 * {@code urn:datamingle:profile_picture_url}.
 */
public final class WorkOsTokenVerifier implements TokenVerifier {
  public static final String CLAIM_EMAIL = "urn:datamingle:email";
  public static final String CLAIM_FIRST_NAME = "urn:datamingle:first_name";
  public static final String CLAIM_LAST_NAME = "urn:datamingle:last_name";
  public static final String CLAIM_PICTURE = "urn:datamingle:profile_picture_url";
  public static final int MAX_TOKEN_LENGTH = 8192;
  private static final Pattern SESSION = Pattern.compile("session_[0-9A-Za-z]{1,100}");

  private static final int MAX_CACHED_TOKENS = 20_000;
  private final JWTVerifier verifier;
  private final Clock clock;
  private final long leewaySeconds;
  private final List<String> issuers;

  /** Tokens already verified, until they expire: a repeated token skips the signature check. */
  private final java.util.concurrent.ConcurrentHashMap<String, VerifiedToken> verified =
      new java.util.concurrent.ConcurrentHashMap<>();

  public WorkOsTokenVerifier(
      JwksKeyStore keys, List<String> issuers, long leewaySeconds, Clock clock) {
    if (issuers.isEmpty()) {
      throw new IllegalArgumentException("at least one accepted issuer is needed");
    }
    RSAKeyProvider provider =
        new RSAKeyProvider() {
          @Override
          public RSAPublicKey getPublicKeyById(String kid) {
            return keys.key(
                kid); // null → signature failure (401); AuthUnavailable passes through (503)
          }

          @Override
          public RSAPrivateKey getPrivateKey() {
            return null;
          }

          @Override
          public String getPrivateKeyId() {
            return null;
          }
        };
    JWTVerifier.BaseVerification verification =
        (JWTVerifier.BaseVerification)
            JWT.require(Algorithm.RSA256(provider))
                .withIssuer(issuers.toArray(String[]::new))
                .withClaimPresence("exp")
                .withClaimPresence("iat")
                .withClaim("sub", (claim, jwt) -> isWorkOsUserId(claim.asString()))
                .withClaim(
                    "sid",
                    (claim, jwt) ->
                        claim.asString() != null && SESSION.matcher(claim.asString()).matches())
                .acceptLeeway(leewaySeconds);
    this.verifier = verification.build(clock);
    this.clock = clock;
    this.leewaySeconds = leewaySeconds;
    this.issuers = List.copyOf(issuers);
  }

  @Override
  public VerifiedToken verify(String token) {
    if (token == null || token.isEmpty()) {
      throw new InvalidToken("empty token");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidToken("token longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    VerifiedToken cached = verified.get(token);
    if (cached != null) {
      if (cached.expiresAt().plusSeconds(leewaySeconds).isAfter(clock.instant())) {
        return cached;
      }
      verified.remove(token);
    }
    DecodedJWT jwt;
    try {
      DecodedJWT decoded = JWT.decode(token);
      if (decoded.getKeyId() == null) {
        throw new InvalidToken("token names no key (kid)");
      }
      refuseBeforeLookingUpTheKey(decoded);
      jwt = verifier.verify(decoded);
    } catch (JWTDecodeException e) {
      throw new InvalidToken("malformed token");
    } catch (JWTVerificationException e) {
      throw new InvalidToken(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    String sid = jwt.getClaim("sid").asString();
    if (sid != null && sid.length() > User.MAX_SESSION_ID_LENGTH) {
      throw new InvalidToken("session id too long");
    }
    java.time.Instant issuedAt = jwt.getIssuedAtAsInstant();
    if (issuedAt == null
        || java.time.Duration.between(issuedAt, jwt.getExpiresAtAsInstant())
                .compareTo(TokenRevocations.MAX_TOKEN_LIFETIME)
            > 0) {
      // a revocation is remembered only as long as a token of at most this lifetime lives
      throw new InvalidToken("token lives longer than " + TokenRevocations.MAX_TOKEN_LIFETIME);
    }
    VerifiedToken result =
        new VerifiedToken(
            new WorkOsUserId(jwt.getSubject()),
            sid,
            jwt.getExpiresAtAsInstant(),
            profile(jwt),
            issuedAt);
    if (verified.size() >= MAX_CACHED_TOKENS) {
      verified.clear(); // a crude bound: the next requests verify again
    }
    verified.put(token, result);
    return result;
  }

  /**
   * The checks that need no key, made before the key id is looked up: a token that would fail them
   * anyway (another algorithm or issuer, expired, not a user's) never makes the key store fetch the
   * JWKS, so only tokens shaped like real ones can ask for a fetch.
   */
  private void refuseBeforeLookingUpTheKey(DecodedJWT decoded) {
    if (!"RS256".equals(decoded.getAlgorithm())) {
      throw new InvalidToken("algorithm is not RS256");
    }
    if (decoded.getIssuer() == null || !issuers.contains(decoded.getIssuer())) {
      throw new InvalidToken("issuer not accepted");
    }
    java.time.Instant expiresAt = decoded.getExpiresAtAsInstant();
    if (expiresAt == null || expiresAt.plusSeconds(leewaySeconds).isBefore(clock.instant())) {
      throw new InvalidToken("expired or without exp");
    }
    if (!isWorkOsUserId(decoded.getSubject())) {
      throw new InvalidToken("subject is not a WorkOS user id");
    }
  }

  private static boolean isWorkOsUserId(String value) {
    try {
      return value != null && new WorkOsUserId(value).value().equals(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The template claims, when the email is there and valid; names that do not validate are left
   * out.
   */
  private static IdentityProfile profile(DecodedJWT jwt) {
    String email = string(jwt.getClaim(CLAIM_EMAIL));
    if (email == null) {
      return null;
    }
    try {
      return new IdentityProfile(
          new Email(email),
          name(jwt.getClaim(CLAIM_FIRST_NAME)),
          name(jwt.getClaim(CLAIM_LAST_NAME)),
          picture(jwt.getClaim(CLAIM_PICTURE)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static PersonName name(Claim claim) {
    try {
      return PersonName.ofNullable(string(claim));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static PictureUrl picture(Claim claim) {
    try {
      return PictureUrl.ofNullable(string(claim));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String string(Claim claim) {
    return claim == null || claim.isMissing() || claim.isNull() ? null : claim.asString();
  }
}
