import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * W2 load driver: each token of the file is a distinct new user; sends one GET /api/me per token
 * over CONNECTIONS concurrent workers and reports users created per second.
 * Usage: java bench/FirstSignIn.java BASE_URL TOKENS_FILE [CONNECTIONS]
 */
public class FirstSignIn {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    List<String> tokens = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(connections)).build();
    AtomicInteger next = new AtomicInteger();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    for (int w = 0; w < connections; w++) {
      workers.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < tokens.size()) {
          HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/me"))
              .header("Authorization", "Bearer " + tokens.get(i)).timeout(Duration.ofSeconds(30)).build();
          int status;
          try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
          } catch (Exception e) {
            status = -1;
          }
          statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
        }
        return null;
      });
    }
    workers.shutdown();
    workers.awaitTermination(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("requests=%d seconds=%.2f users_per_second=%.0f statuses=%s%n", tokens.size(), seconds,
        tokens.size() / seconds, statuses);
    System.exit(0);
  }
}
