import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * Mints dev access tokens for benchmark users FIRST..LAST with the dev signing key of a
 * `serve --dev` working folder, one per line, in order. Unlike `datamingle dev token --count`
 * (subject derived from the email, a new random session each time), the subject and session are
 * chosen here, so tokens can match users seeded straight into a table:
 * sub user_01PREFIXn, email prefixn@example.com (as bench/Seed.java and the prototype's
 * `flask bench-seed` store them for PREFIX SEED), no names (a token's names would overwrite the
 * names a PATCH benchmark sets, turning every later read into a write), sid session_01PREFIXn
 * ("known": the session the seeded row records, so a request writes nothing) or a session never
 * seen before ("new": the first request of each token records it, as after a new sign-in).
 * Both cores sign. Tokens last 12 hours.
 * Usage: java -cp adapter-cli/target/datamingle.jar bench/Tokens.java DEV_DIR PREFIX FIRST LAST [known|new]
 */
public class Tokens {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String prefix = args[1];
    long first = Long.parseLong(args[2]);
    long last = Long.parseLong(args[3]);
    boolean newSessions = args.length > 4 && args[4].equals("new");
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(
        new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(Files.readString(dir.resolve("signing-key.pk8")))));
    RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    Algorithm rs256 = Algorithm.RSA256(pub, key);
    Instant now = Instant.now();
    String run = Long.toString(now.toEpochMilli(), 36).toUpperCase(Locale.ROOT);
    String[] tokens = LongStream.rangeClosed(first, last).parallel().mapToObj(n -> JWT.create()
        .withKeyId("datamingle-dev-key")
        .withIssuer("urn:datamingle:dev")
        .withSubject("user_01" + prefix + n)
        .withClaim("sid", "session_01" + prefix + n + (newSessions ? "T" + run : ""))
        .withIssuedAt(now)
        .withExpiresAt(now.plus(Duration.ofHours(12)))
        .withClaim("urn:datamingle:email", prefix.toLowerCase(Locale.ROOT) + n + "@example.com")
        .sign(rs256)).toArray(String[]::new);
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16)) {
      for (String t : tokens) {
        out.write(t);
        out.write('\n');
      }
    }
  }
}
