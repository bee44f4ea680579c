package com.datamingle.adapter.web.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/** An RSA key pair with a key id, its JWK, and WorkOS-shaped tokens signed with it. */
public final class TestKeys {
  public static final String ISSUER = "https://api.workos.com/user_management/client_TEST";
  public final String kid;
  public final RSAPublicKey publicKey;
  public final RSAPrivateKey privateKey;

  public TestKeys(String kid) {
    this.kid = kid;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      this.publicKey = (RSAPublicKey) pair.getPublic();
      this.privateKey = (RSAPrivateKey) pair.getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Map<String, Object> jwk() {
    return Map.of(
        "kty",
        "RSA",
        "kid",
        kid,
        "alg",
        "RS256",
        "use",
        "sig",
        "n",
        b64(publicKey.getModulus()),
        "e",
        b64(publicKey.getPublicExponent()));
  }

  /** A valid token for this subject, with the given changes applied to the builder. */
  public String token(String sub, Instant now, Consumer<JWTCreator.Builder> changes) {
    JWTCreator.Builder builder =
        JWT.create()
            .withKeyId(kid)
            .withIssuer(ISSUER)
            .withSubject(sub)
            .withClaim("sid", "session_01TEST")
            .withIssuedAt(now)
            .withExpiresAt(now.plusSeconds(300));
    changes.accept(builder);
    return builder.sign(Algorithm.RSA256(publicKey, privateKey));
  }

  public String token(String sub, Instant now) {
    return token(sub, now, b -> {});
  }

  static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
