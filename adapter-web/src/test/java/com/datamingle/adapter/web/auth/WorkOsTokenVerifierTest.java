package com.datamingle.adapter.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.datamingle.adapter.web.testing.FakeWorkOs;
import com.datamingle.adapter.web.testing.TestKeys;
import com.datamingle.application.testing.MutableClock;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token-level security tests against a local JWKS, with a fixed clock. */
class WorkOsTokenVerifierTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String SUB = "user_01HBEQKA6K4QJAS93VPE39W1JT";
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final TestKeys k1 = new TestKeys("k1");
  final FakeWorkOs jwks;
  final WorkOsTokenVerifier verifier;

  WorkOsTokenVerifierTest() throws Exception {
    jwks = new FakeWorkOs(k1);
    verifier = verifier(Duration.ofSeconds(30));
  }

  WorkOsTokenVerifier verifier(Duration minRefresh) {
    JwksKeyStore store =
        new JwksKeyStore(
            jwks.jwksUrl(), Duration.ofSeconds(1), Duration.ofMinutes(10), minRefresh, clock);
    return new WorkOsTokenVerifier(
        store, List.of(TestKeys.ISSUER, "https://api.workos.com"), 30, clock);
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  /** A valid token's claims for {@link #SUB}, key id k1, before signing. */
  static com.auth0.jwt.JWTCreator.Builder claims() {
    return JWT.create()
        .withKeyId("k1")
        .withIssuer(TestKeys.ISSUER)
        .withSubject(SUB)
        .withClaim("sid", "session_1")
        .withIssuedAt(NOW)
        .withExpiresAt(NOW.plusSeconds(60));
  }

  void rejects(String token) {
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidToken.class);
  }

  @Test
  void acceptsAValidToken() {
    VerifiedToken token = verifier.verify(k1.token(SUB, NOW));

    assertThat(token.workosUserId().value()).isEqualTo(SUB);
    assertThat(token.sessionId()).isEqualTo("session_01TEST");
    assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    assertThat(token.profile()).isNull();
  }

  @Test
  void readsProfileClaimsFromTheTemplate() {
    VerifiedToken token =
        verifier.verify(
            k1.token(
                SUB,
                NOW,
                b ->
                    b.withClaim(WorkOsTokenVerifier.CLAIM_EMAIL, "Ada@Example.com")
                        .withClaim(WorkOsTokenVerifier.CLAIM_FIRST_NAME, "Ada")));

    assertThat(token.profile().email().value()).isEqualTo("ada@example.com");
    assertThat(token.profile().firstName().value()).isEqualTo("Ada");
  }

  @Test
  void refusesAlgNoneWithAndWithoutSignature() {
    String header = TestKeys.b64("{\"alg\":\"none\",\"kid\":\"k1\"}");
    String payload = JWT.decode(k1.token(SUB, NOW)).getPayload();
    rejects(header + "." + payload + ".");
    rejects(header + "." + payload + ".c2lnbmF0dXJl");
    rejects(claims().sign(Algorithm.none()));
  }

  @Test
  void refusesHs256SignedWithThePublicKey() {
    rejects(claims().sign(Algorithm.HMAC256(k1.publicKey.getEncoded())));
  }

  @Test
  void refusesOtherAlgorithms() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    var pair = ec.generateKeyPair();
    rejects(
        claims()
            .sign(
                Algorithm.ECDSA256(
                    (ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate())));
    rejects(claims().sign(Algorithm.RSA384(k1.publicKey, k1.privateKey)));
    for (String alg : new String[] {"rs256", "RS256 ", "PS256"}) {
      String[] parts = k1.token(SUB, NOW).split("\\.");
      rejects(
          TestKeys.b64("{\"alg\":\"" + alg + "\",\"kid\":\"k1\"}")
              + "."
              + parts[1]
              + "."
              + parts[2]);
    }
  }

  @Test
  void refusesAnotherKeyUnderAKnownKid() {
    TestKeys impostor = new TestKeys("k1");
    rejects(impostor.token(SUB, NOW));
  }

  @Test
  void refusesTamperingAndStrippedSignatures() {
    String[] parts = k1.token(SUB, NOW).split("\\.");
    String otherPayload = JWT.decode(k1.token("user_01OTHER", NOW)).getPayload();
    rejects(parts[0] + "." + otherPayload + "." + parts[2]);
    rejects(parts[0] + "." + parts[1] + ".");
    rejects(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20));
    rejects(parts[0] + "." + parts[1]);
  }

  @Test
  void refusesKidInjectionWithoutLookingItUp() {
    int before = jwks.jwksFetches();
    for (String kid :
        new String[] {"../../etc/passwd", "' OR 1=1--", "k".repeat(10_000), "ключ", ""}) {
      rejects(k1.token(SUB, NOW, b -> b.withKeyId(kid)));
    }
    rejects(k1.token(SUB, NOW, b -> b.withKeyId(null)));
    assertThat(jwks.jwksFetches()).isEqualTo(before);
  }

  @Test
  void ignoresKeysNamedInTheHeader() {
    TestKeys attacker = new TestKeys("evil");
    rejects(
        attacker.token(
            SUB,
            NOW,
            b ->
                b.withKeyId("k1")
                    .withHeader(
                        Map.of(
                            "jku",
                            "http://127.0.0.1:1/evil.json",
                            "x5u",
                            "http://127.0.0.1:1/evil.pem",
                            "jwk",
                            attacker.jwk()))));
  }

  @Test
  void timeClaimsAtTheEdges() {
    rejects(
        k1.token(
            SUB,
            NOW,
            b -> b.withIssuedAt(NOW.minusSeconds(600)).withExpiresAt(NOW.minusSeconds(120))));
    verifier.verify(
        k1.token(
            SUB,
            NOW,
            b -> b.withIssuedAt(NOW.minusSeconds(300)).withExpiresAt(NOW.minusSeconds(20))));
    rejects(k1.token(SUB, NOW, b -> b.withNotBefore(NOW.plusSeconds(600))));
    rejects(
        k1.token(
            SUB,
            NOW,
            b -> b.withIssuedAt(NOW.plusSeconds(600)).withExpiresAt(NOW.plusSeconds(900))));
    verifier.verify(k1.token(SUB, NOW, b -> b.withIssuedAt(NOW.plusSeconds(10))));
  }

  @Test
  void aTokenLivingLongerThanADayIsRefusedAndTheIssueTimeIsKept() {
    // revocations are remembered a day: a longer-lived token could outlive its revocation
    rejects(
        k1.token(
            SUB,
            NOW,
            b -> b.withIssuedAt(NOW.minusSeconds(60)).withExpiresAt(NOW.plusSeconds(86_400))));
    VerifiedToken day =
        verifier.verify(
            k1.token(
                SUB,
                NOW,
                b ->
                    b.withIssuedAt(NOW.minusSeconds(60))
                        .withExpiresAt(NOW.minusSeconds(60).plusSeconds(86_400))));
    assertThat(day.issuedAt()).isEqualTo(NOW.minusSeconds(60));
  }

  @Test
  void requiresExpAndIat() {
    for (boolean withExp : new boolean[] {true, false}) {
      var token =
          JWT.create()
              .withKeyId("k1")
              .withIssuer(TestKeys.ISSUER)
              .withSubject(SUB)
              .withClaim("sid", "session_1");
      if (withExp) {
        token.withExpiresAt(NOW.plusSeconds(60)); // no iat
      } else {
        token.withIssuedAt(NOW); // no exp
      }
      rejects(token.sign(Algorithm.RSA256(k1.publicKey, k1.privateKey)));
    }
  }

  @Test
  void pinsTheIssuer() {
    rejects(k1.token(SUB, NOW, b -> b.withIssuer("https://evil.example")));
    rejects(
        k1.token(
            SUB, NOW, b -> b.withIssuer("https://api.workos.com/user_management/client_OTHER")));
    rejects(k1.token(SUB, NOW, b -> b.withIssuer("https://tenant.authkit.app")));
    rejects(k1.token(SUB, NOW, b -> b.withIssuer(null)));
    verifier.verify(k1.token(SUB, NOW, b -> b.withIssuer("https://api.workos.com")));
  }

  @Test
  void refusesConnectAndMachineTokens() {
    rejects(k1.token("client_01M2M", NOW));
    rejects(k1.token(SUB, NOW, b -> b.withSubject(null)));
    rejects(k1.token(SUB, NOW, b -> b.withClaim("sid", "app_consent_01X")));
    rejects(k1.token(SUB, NOW, b -> b.withClaim("sid", (String) null)));
    rejects(k1.token(SUB, NOW, b -> b.withClaim("sid", 42)));
    rejects(k1.token("user_../../x", NOW));
  }

  @Test
  void refusesMalformedAndOversizedTokens() {
    rejects("");
    rejects("abc");
    rejects("a.b");
    rejects("!!!.###.$$$");
    rejects(TestKeys.b64("[1,2]") + "." + TestKeys.b64("[]") + ".x");
    rejects(k1.token(SUB, NOW, b -> b.withClaim("exp", "tomorrow")));
    rejects(k1.token(SUB, NOW, b -> b.withClaim("pad", "x".repeat(9_000))));
  }

  @Test
  void aDuplicatedSubjectCannotSwitchUsers() {
    String header = TestKeys.b64("{\"alg\":\"RS256\",\"kid\":\"k1\"}");
    String payload =
        TestKeys.b64(
            "{\"iss\":\""
                + TestKeys.ISSUER
                + "\",\"sub\":\"user_01A\",\"sub\":\"user_01B\",\"sid\":\"session_1\","
                + "\"iat\":"
                + NOW.getEpochSecond()
                + ",\"exp\":"
                + (NOW.getEpochSecond() + 60)
                + "}");
    String signature;
    try {
      var signer = java.security.Signature.getInstance("SHA256withRSA");
      signer.initSign(k1.privateKey);
      signer.update((header + "." + payload).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      signature = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    String token = header + "." + payload + "." + signature;
    try {
      VerifiedToken verified = verifier.verify(token);
      // the signature covers these exact bytes: whichever value the parser keeps, the signer chose
      // it
      assertThat(verified.workosUserId().value()).isIn("user_01A", "user_01B");
    } catch (InvalidToken e) {
      assertThat(e).isInstanceOf(InvalidToken.class);
    }
  }

  @Test
  void manyVerificationsFetchTheKeysOnce() {
    for (int i = 0; i < 20; i++) {
      verifier.verify(k1.token(SUB, NOW));
    }
    assertThat(jwks.jwksFetches()).isEqualTo(1);
  }

  @Test
  void aCachedTokenStillExpires() {
    MutableClock moving = new MutableClock(NOW);
    JwksKeyStore store =
        new JwksKeyStore(
            jwks.jwksUrl(),
            Duration.ofSeconds(1),
            Duration.ofMinutes(10),
            Duration.ofSeconds(10),
            moving);
    WorkOsTokenVerifier caching =
        new WorkOsTokenVerifier(store, List.of(TestKeys.ISSUER), 30, moving);
    String token = k1.token(SUB, NOW);
    caching.verify(token);

    moving.advance(Duration.ofSeconds(300 + 31));

    assertThatThrownBy(() -> caching.verify(token)).isInstanceOf(InvalidToken.class);
  }

  @Test
  void aRotatedKeyIsFetchedOnce() {
    verifier.verify(k1.token(SUB, NOW));
    TestKeys k2 = new TestKeys("k2");
    jwks.addKey(k2);
    WorkOsTokenVerifier fresh = verifier(Duration.ZERO);

    fresh.verify(k2.token(SUB, NOW));
    fresh.verify(k2.token(SUB, NOW));
    fresh.verify(k1.token(SUB, NOW));

    assertThat(jwks.jwksFetches()).isEqualTo(2);
  }

  /**
   * The most fetches a store with this interval may make in {@code elapsed}: one per interval, plus
   * one in flight.
   */
  static long allowedFetches(Duration interval, long elapsedNanos) {
    return elapsedNanos / interval.toNanos() + 2;
  }

  @Test
  void aKeyRotatedInJustNowIsAcceptedOnItsFirstTokenRightAfterAFloodOfMadeUpKids()
      throws Exception {
    Duration interval = Duration.ofMillis(500);
    WorkOsTokenVerifier throttled = verifier(interval);
    throttled.verify(k1.token(SUB, NOW));
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Throwable>> flood = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String token = k1.token(SUB, NOW, b -> b.withKeyId("made-up-" + UUID.randomUUID()));
        flood.add(pool.submit(() -> catching(() -> throttled.verify(token))));
      }
      for (Future<Throwable> outcome : flood) {
        assertThat(outcome.get()).isInstanceOf(InvalidToken.class);
      }
    } finally {
      pool.shutdownNow();
    }
    TestKeys k2 = new TestKeys("k2");
    jwks.addKey(k2);

    assertThat(throttled.verify(k2.token(SUB, NOW)).workosUserId().value()).isEqualTo(SUB);

    assertThat((long) jwks.jwksFetches() - 1)
        .isLessThanOrEqualTo(allowedFetches(interval, System.nanoTime() - start));
  }

  @Test
  void aKeyPublishedRightAfterAFetchIsStillAcceptedOnItsFirstToken() {
    WorkOsTokenVerifier throttled = verifier(Duration.ofMillis(500));
    throttled.verify(k1.token(SUB, NOW));
    TestKeys k2 = new TestKeys("k2");
    jwks.addKey(k2);

    assertThat(throttled.verify(k2.token(SUB, NOW)).workosUserId().value()).isEqualTo(SUB);
    assertThat(jwks.jwksFetches()).isEqualTo(2);
  }

  @Test
  void aSequentialFloodOfMadeUpKidsFetchesAtMostOncePerInterval() {
    Duration interval = Duration.ofMillis(200);
    WorkOsTokenVerifier throttled = verifier(interval);
    throttled.verify(k1.token(SUB, NOW));
    long start = System.nanoTime();
    for (int i = 0; i < 8; i++) {
      String kid = "made-up-" + i;
      assertThatThrownBy(() -> throttled.verify(k1.token(SUB, NOW, b -> b.withKeyId(kid))))
          .isInstanceOf(InvalidToken.class);
    }
    assertThat((long) jwks.jwksFetches() - 1)
        .isLessThanOrEqualTo(allowedFetches(interval, System.nanoTime() - start));
  }

  @Test
  void aKidAlreadyMissingFromTheCurrentSetIsRefusedWithoutAnotherFetch() {
    WorkOsTokenVerifier eager = verifier(Duration.ZERO);
    eager.verify(k1.token(SUB, NOW));
    rejects(eager, k1.token(SUB, NOW, b -> b.withKeyId("made-up")));
    int fetches = jwks.jwksFetches();

    for (int i = 0; i < 100; i++) {
      rejects(eager, k1.token(SUB, NOW, b -> b.withKeyId("made-up")));
    }

    assertThat(jwks.jwksFetches()).isEqualTo(fetches);
  }

  @Test
  void tokensThatFailWithoutAKeyNeverCauseAFetch() {
    verifier.verify(k1.token(SUB, NOW));
    int fetches = jwks.jwksFetches();
    WorkOsTokenVerifier eager = verifier(Duration.ZERO);
    eager.verify(k1.token(SUB, NOW));
    int afterFirst = jwks.jwksFetches();

    rejects(
        eager, k1.token(SUB, NOW, b -> b.withKeyId("other").withIssuer("https://evil.example")));
    rejects(
        eager, k1.token(SUB, NOW, b -> b.withKeyId("other").withExpiresAt(NOW.minusSeconds(3600))));
    rejects(eager, k1.token("client_01M2M", NOW, b -> b.withKeyId("other")));

    assertThat(jwks.jwksFetches()).isEqualTo(afterFirst).isEqualTo(fetches + 1);
  }

  static void rejects(WorkOsTokenVerifier verifier, String token) {
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidToken.class);
  }

  static Throwable catching(Runnable action) {
    try {
      action.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  void unknownKidsWhileTheJwksIsDownAre503AndCachedKeysStillWork() {
    WorkOsTokenVerifier throttled = verifier(Duration.ofMillis(100));
    throttled.verify(k1.token(SUB, NOW));
    jwks.jwksMode(FakeWorkOs.JwksMode.ERROR_500);

    assertThat(throttled.verify(k1.token(SUB, NOW)).workosUserId().value()).isEqualTo(SUB);
    assertThatThrownBy(() -> throttled.verify(k1.token(SUB, NOW, b -> b.withKeyId("k-new"))))
        .isInstanceOf(AuthUnavailable.class);
    jwks.jwksMode(FakeWorkOs.JwksMode.OK);
    assertThatThrownBy(() -> throttled.verify(k1.token(SUB, NOW, b -> b.withKeyId("k-new"))))
        .isInstanceOf(InvalidToken.class);
  }

  @Test
  void anUnknownKidOutsideTheWindowIsFetchedOnceThenRefused() {
    WorkOsTokenVerifier eager = verifier(Duration.ZERO);
    eager.verify(k1.token(SUB, NOW));

    assertThatThrownBy(() -> eager.verify(k1.token(SUB, NOW, b -> b.withKeyId("unknown"))))
        .isInstanceOf(InvalidToken.class);
    assertThat(jwks.jwksFetches()).isEqualTo(2);
  }

  @Test
  void aJwksOutageIsUnavailableNotInvalidButCachedKeysStillWork() {
    verifier.verify(k1.token(SUB, NOW));
    jwks.close();

    assertThat(verifier.verify(k1.token(SUB, NOW)).workosUserId().value()).isEqualTo(SUB);
    WorkOsTokenVerifier cold = verifier(Duration.ZERO);
    assertThatThrownBy(() -> cold.verify(k1.token(SUB, NOW))).isInstanceOf(AuthUnavailable.class);
  }

  @Test
  void aBrokenJwksIsUnavailable() {
    jwks.jwksMode(FakeWorkOs.JwksMode.ERROR_500);
    assertThatThrownBy(() -> verifier(Duration.ZERO).verify(k1.token(SUB, NOW)))
        .isInstanceOf(AuthUnavailable.class);
    jwks.jwksMode(FakeWorkOs.JwksMode.HTML);
    assertThatThrownBy(() -> verifier(Duration.ZERO).verify(k1.token(SUB, NOW)))
        .isInstanceOf(AuthUnavailable.class);
  }

  @Test
  void aSlowJwksTimesOut() {
    jwks.jwksMode(FakeWorkOs.JwksMode.SLOW);
    long start = System.nanoTime();
    assertThatThrownBy(() -> verifier(Duration.ZERO).verify(k1.token(SUB, NOW)))
        .isInstanceOf(AuthUnavailable.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
  }
}
