import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;

/**
 * Inserts users FROM..TO (inclusive) straight into the users table, in batches, for the list
 * benchmarks. Their ids are 00000000-0000-7000-8000-<12-digit n>, so they sort before the ids the
 * service hands out and the n-th seeded user is at position n of the admin list. Each has signed
 * in once, in session session_01SEEDn, so a token from bench/Tokens.java (prefix SEED, "known"
 * sessions) is a known user in a known session: its requests write nothing.
 * Usage: java -cp adapter-cli/target/datamingle.jar bench/Seed.java JDBC_URL USER FROM TO
 */
public class Seed {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    if (!args[1].isEmpty()) {
      props.setProperty("user", args[1]);
    }
    long from = Long.parseLong(args[2]);
    long to = Long.parseLong(args[3]);
    try (Connection c = DriverManager.getConnection(args[0], props)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, workos_user_id, email, first_name, last_name,"
          + " is_active, is_admin, timezone, language, created_at, updated_at, last_login_at, last_session_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, 'UTC', 'en', ?, ?, ?, ?)")) {
        Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        for (long n = from; n <= to; n++) {
          ps.setObject(1, String.format("00000000-0000-7000-8000-%012d", n), java.sql.Types.OTHER);
          ps.setString(2, "user_01SEED" + n);
          ps.setString(3, "seed" + n + "@example.com");
          ps.setString(4, "Seed");
          ps.setString(5, "User" + n);
          ps.setBoolean(6, true);
          ps.setBoolean(7, false);
          ps.setTimestamp(8, now);
          ps.setTimestamp(9, now);
          ps.setTimestamp(10, now);
          ps.setString(11, "session_01SEED" + n);
          ps.addBatch();
          if (n % 5000 == 0) {
            ps.executeBatch();
            c.commit();
          }
        }
        ps.executeBatch();
        c.commit();
      }
    }
  }
}
