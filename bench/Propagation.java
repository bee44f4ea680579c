import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Propagation between two instances: CHANGES times, an admin deactivates (or re-activates) a user
 * through instance A (PATCH /api/users/{id}), and this driver asks instance B for GET /api/me with
 * that user's token, back to back, until B refuses (403) or serves (200) accordingly. Before each
 * change B is asked once, so it holds the user in its cache. Prints every sample (ms from the
 * PATCH being sent, and from its answer: the change was committed by then) and p50/p99/max.
 * Users rotate, so each change flips one user's state.
 * The first WARMUP changes (default 0) are made the same way and not recorded (the JIT).
 * Usage: java bench/Propagation.java BASE_A BASE_B ADMIN_TOKEN USER_TOKENS_FILE CHANGES [WARMUP]
 */
public class Propagation {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static HttpResponse<String> send(String method, String url, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token);
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static void main(String[] args) throws Exception {
    String a = args[0];
    String b = args[1];
    String admin = args[2];
    List<String> tokens = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
    int changes = Integer.parseInt(args[4]);
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 0;
    List<String> ids = new ArrayList<>();
    boolean[] active = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      HttpResponse<String> me = send("GET", a + "/api/me", tokens.get(i), null);
      if (me.statusCode() != 200) {
        throw new IllegalStateException("GET /api/me on A answered " + me.statusCode() + ": " + me.body());
      }
      String body = me.body();
      int at = body.indexOf("\"id\":\"") + 6;
      ids.add(body.substring(at, body.indexOf('"', at)));
      active[i] = true;
    }
    double[] fromSent = new double[changes];
    double[] fromAnswered = new double[changes];
    for (int k = 0; k < warmup + changes; k++) {
      int n = k - warmup;
      int u = k % tokens.size();
      int before = active[u] ? 200 : 403;
      HttpResponse<String> primed = send("GET", b + "/api/me", tokens.get(u), null);
      if (primed.statusCode() != before) {
        throw new IllegalStateException("B answered " + primed.statusCode() + ", expected " + before);
      }
      int expected = active[u] ? 403 : 200;
      long sent = System.nanoTime();
      HttpResponse<String> patch =
          send("PATCH", a + "/api/users/" + ids.get(u), admin, "{\"is_active\":" + !active[u] + "}");
      long answered = System.nanoTime();
      if (patch.statusCode() != 200) {
        throw new IllegalStateException("PATCH on A answered " + patch.statusCode() + ": " + patch.body());
      }
      long deadline = sent + 10_000_000_000L;
      long seen;
      while (true) {
        int status = send("GET", b + "/api/me", tokens.get(u), null).statusCode();
        seen = System.nanoTime();
        if (status == expected) {
          break;
        }
        if (seen - deadline > 0) {
          throw new IllegalStateException("B still answered " + status + " 10 s after change " + n);
        }
      }
      active[u] = !active[u];
      if (n < 0) {
        continue;
      }
      fromSent[n] = (seen - sent) / 1e6;
      fromAnswered[n] = (seen - answered) / 1e6;
      System.out.printf(Locale.ROOT, "sample %d to=%d from_sent_ms=%.2f from_answered_ms=%.2f%n",
          n, expected, fromSent[n], fromAnswered[n]);
    }
    System.out.println(summary("from_sent", fromSent));
    System.out.println(summary("from_answered", fromAnswered));
  }

  static String summary(String name, double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%s changes=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f",
        name, sorted.length, pct(sorted, 50), pct(sorted, 99), sorted[sorted.length - 1]);
  }

  /** Nearest-rank percentile. */
  static double pct(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
