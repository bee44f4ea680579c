import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * W2 load driver: each token of the file is a distinct new user; sends one GET /api/me per token
 * over CONNECTIONS keep-alive HTTP/1.1 connections (a connection the server closes after an answer
 * is opened again) and reports users created per second. Plain
 * sockets rather than java.net.http, so the driver leaves the CPU to the server it measures.
 * Usage: java bench/FirstSignIn.java BASE_URL TOKENS_FILE [CONNECTIONS]
 */
public class FirstSignIn {
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    List<String> tokens = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    AtomicInteger next = new AtomicInteger();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    Thread[] workers = new Thread[connections];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long start = System.nanoTime();
    for (int w = 0; w < connections; w++) {
      workers[w] = new Thread(() -> {
        Socket socket = null;
        try {
          OutputStream out = null;
          InputStream in = null;
          int i;
          while ((i = next.getAndIncrement()) < tokens.size()) {
            if (socket == null) {
              socket = new Socket(base.getHost(), base.getPort());
              socket.setTcpNoDelay(true);
              out = socket.getOutputStream();
              in = new BufferedInputStream(socket.getInputStream());
            }
            out.write(("GET /api/me HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + tokens.get(i)
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int status = readResponse(in);
            statuses.computeIfAbsent(Math.abs(status), k -> new LongAdder()).increment();
            if (status < 0) { // the server closes the connection after this answer (gunicorn's sync workers)
              socket.close();
              socket = null;
            }
          }
        } catch (IOException e) {
          statuses.computeIfAbsent(-1, k -> new LongAdder()).increment();
        } finally {
          try {
            if (socket != null) {
              socket.close();
            }
          } catch (IOException ignored) {
            // done anyway
          }
        }
      });
      workers[w].start();
    }
    for (Thread t : workers) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpuUs = (os.getProcessCpuTime() - cpu0) / 1000;
    System.out.printf("requests=%d seconds=%.2f users_per_second=%.0f driver_cpu_us_per_request=%d statuses=%s%n",
        tokens.size(), seconds, tokens.size() / seconds, cpuUs / tokens.size(), statuses);
  }

  /**
   * Reads one response (status line, headers, Content-Length body) and returns its status, negated
   * when the server said {@code Connection: close}.
   */
  static int readResponse(InputStream in) throws IOException {
    String status = line(in);
    int code = Integer.parseInt(status.split(" ")[1]);
    int length = 0;
    boolean close = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).strip());
      } else if (header.regionMatches(true, 0, "Connection:", 0, 11) && header.substring(11).strip().equalsIgnoreCase("close")) {
        close = true;
      }
    }
    in.readNBytes(length);
    return close ? -code : code;
  }

  static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
