package com.datamingle.adapter.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Development only: a local RSA signing key kept in a dev folder, its JWKS, and tokens shaped like
 * WorkOS access tokens but issued by {@link #ISSUER}, which a production configuration never
 * accepts. Lets the service run with no WorkOS account.
 */
public final class DevSigningKey {
  public static final String ISSUER = "urn:datamingle:dev";
  private static final String KID = "datamingle-dev-key";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final RSAPrivateCrtKey privateKey;
  private final RSAPublicKey publicKey;
  private final Path jwksFile;

  private DevSigningKey(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, Path jwksFile) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.jwksFile = jwksFile;
  }

  /** Reads the key from {@code dir}, or creates it there (readable by its owner only). */
  public static DevSigningKey loadOrCreate(Path dir) {
    Path keyFile = dir.resolve("signing-key.pk8");
    Path jwks = dir.resolve("jwks.json");
    try {
      Files.createDirectories(dir);
      RSAPrivateCrtKey privateKey;
      if (Files.exists(keyFile)) {
        privateKey =
            (RSAPrivateCrtKey)
                KeyFactory.getInstance("RSA")
                    .generatePrivate(
                        new PKCS8EncodedKeySpec(
                            Base64.getMimeDecoder().decode(Files.readString(keyFile))));
      } else {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        privateKey = (RSAPrivateCrtKey) pair.getPrivate();
        Files.writeString(keyFile, Base64.getMimeEncoder().encodeToString(privateKey.getEncoded()));
        try {
          Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system: the folder's own protection applies
        }
      }
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(
                          privateKey.getModulus(), privateKey.getPublicExponent()));
      DevSigningKey key = new DevSigningKey(privateKey, publicKey, jwks);
      Files.writeString(jwks, key.jwksJson());
      return key;
    } catch (IOException
        | GeneralSecurityException
        | ClassCastException
        | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot read or create the dev signing key in "
              + dir
              + " ("
              + e.getMessage()
              + "); delete that folder to start afresh",
          e);
    }
  }

  /** The JWKS document with the public key. */
  public String jwksJson() {
    Map<String, Object> jwk =
        Map.of(
            "kty",
            "RSA",
            "kid",
            KID,
            "alg",
            "RS256",
            "use",
            "sig",
            "n",
            base64Url(publicKey.getModulus()),
            "e",
            base64Url(publicKey.getPublicExponent()));
    try {
      return new ObjectMapper().writeValueAsString(Map.of("keys", List.of(jwk)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file URL of the JWKS document, for the verifier (no network needed). */
  public URL jwksUrl() {
    try {
      return jwksFile.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A dev access token for this email. The WorkOS id is derived from the email, so the same email
   * is always the same user; every token is a new session.
   */
  public DevToken mint(String email, String firstName, String lastName, Duration ttl, Clock clock) {
    Instant now = clock.instant();
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    String subject = subjectFor(email);
    String sessionId = "session_dev" + HexFormat.of().formatHex(random);
    var builder =
        JWT.create()
            .withKeyId(KID)
            .withIssuer(ISSUER)
            .withSubject(subject)
            .withClaim("sid", sessionId)
            .withIssuedAt(now)
            .withExpiresAt(now.plus(ttl))
            .withClaim(WorkOsTokenVerifier.CLAIM_EMAIL, email);
    if (firstName != null) {
      builder.withClaim(WorkOsTokenVerifier.CLAIM_FIRST_NAME, firstName);
    }
    if (lastName != null) {
      builder.withClaim(WorkOsTokenVerifier.CLAIM_LAST_NAME, lastName);
    }
    return new DevToken(builder.sign(Algorithm.RSA256(publicKey, privateKey)), subject, sessionId);
  }

  /** A minted dev token, with the subject and session it carries. */
  public record DevToken(String token, String subject, String sessionId) {}

  /** The WorkOS-shaped user id a dev token carries for this email. */
  public static String subjectFor(String email) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  email
                      .strip()
                      .toLowerCase(java.util.Locale.ROOT)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "user_dev"
          + HexFormat.of().formatHex(Arrays.copyOf(digest, 12)).toUpperCase(java.util.Locale.ROOT);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
