package com.datamingle.adapter.web.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks WorkOS's {@code WorkOS-Signature} header: {@code t=<milliseconds>, v1=<hex>}, where the
 * hex is HMAC-SHA256, keyed with the endpoint's secret, of {@code "<t>." + the raw body}. The time
 * must be within the tolerance (180 s by WorkOS's SDKs) either way; the comparison takes constant
 * time. No message names the expected signature or the secret.
 */
public final class WebhookSignature {
  public static final String HEADER = "WorkOS-Signature";
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(180);
  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration tolerance;

  public WebhookSignature(String secret, Clock clock, Duration tolerance) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("a webhook secret is required");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /** The signature refused, with the reason a sender may be told. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String reason) {
      super(reason);
    }
  }

  public void verify(String header, byte[] rawBody) throws Invalid {
    if (header == null || header.isBlank()) {
      throw new Invalid("the " + HEADER + " header is missing");
    }
    String timestamp = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String item = part.trim();
      int eq = item.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = item.substring(0, eq);
      if (name.equals("t")) {
        timestamp = item.substring(eq + 1);
      } else if (name.equals("v1")) {
        v1 = item.substring(eq + 1);
      }
    }
    if (timestamp == null || v1 == null) {
      throw new Invalid("the " + HEADER + " header must look like t=<milliseconds>, v1=<hex>");
    }
    long millis;
    try {
      millis = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new Invalid("the " + HEADER + " time is not a number of milliseconds");
    }
    if (Math.abs(clock.millis() - millis) > tolerance.toMillis()) {
      throw new Invalid(
          "the "
              + HEADER
              + " time is more than "
              + tolerance.toSeconds()
              + " s away from now (replayed or clock skew)");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(v1);
    } catch (IllegalArgumentException e) {
      throw new Invalid("the " + HEADER + " v1 value is not hex");
    }
    if (!MessageDigest.isEqual(sign(timestamp, rawBody), given)) {
      throw new Invalid(
          "the " + HEADER + " does not match the body (wrong secret, or the body was altered)");
    }
  }

  /** The v1 value for this time and body; what WorkOS (or a test's fake sender) sends. */
  public byte[] sign(String timestamp, byte[] rawBody) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(rawBody);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /** A complete header value for this body, signed now. */
  public String header(byte[] rawBody) {
    String timestamp = Long.toString(clock.millis());
    return "t=" + timestamp + ", v1=" + HexFormat.of().formatHex(sign(timestamp, rawBody));
  }

  @Override
  public String toString() {
    return "WebhookSignature[secret=***, tolerance=" + tolerance + "]";
  }
}
