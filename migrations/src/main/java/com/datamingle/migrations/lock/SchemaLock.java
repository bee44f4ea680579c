package com.datamingle.migrations.lock;

import com.datamingle.migrations.database.Dialect;
import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises schema changes (MyBatis Migrations has no lock of its own, and two concurrent runs
 * both apply the same script). PostgreSQL: a session advisory lock held on a connection of its own,
 * keyed by database and schema. SQLite: an OS file lock on {@code <db>.migrate.lock}, which the OS
 * releases if the process dies, plus a JVM lock (file locks are per process).
 */
public abstract class SchemaLock {
  private static final Duration POLL = Duration.ofMillis(200);

  /** A held lock; closing it releases the lock. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits up to {@code timeout} for the lock; refuses with who holds it when it does not come. */
  public abstract Held acquire(Duration timeout);

  /**
   * The lock at once, or, when another process holds it, after {@code onWait} and a wait of up to
   * {@code timeout} (instances started together: one migrates, the others wait).
   */
  public Held acquire(Duration timeout, Runnable onWait) {
    try {
      return acquire(Duration.ZERO);
    } catch (MigrationFailure busy) {
      onWait.run();
      return acquire(timeout);
    }
  }

  /** The lock that serialises schema changes of {@code target}. */
  public static SchemaLock forTarget(MigrationTarget target) {
    if (target.dialect() == Dialect.POSTGRESQL) {
      return new Postgres(target);
    }
    return target.sqliteFile().<SchemaLock>map(SqliteFile::new).orElseGet(InProcess::new);
  }

  static String whoAmI() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now();
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailure("interrupted while waiting for the migration lock", e);
    }
  }

  /** In-memory SQLite: nothing else can see the database, only this JVM. */
  static final class InProcess extends SchemaLock {
    private static final ReentrantLock LOCK = new ReentrantLock();

    @Override
    public Held acquire(Duration timeout) {
      try {
        if (!LOCK.tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          throw new MigrationFailure(
              "another migration in this process still runs; try again when it has finished");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationFailure("interrupted while waiting for the migration lock", e);
      }
      return LOCK::unlock;
    }
  }

  static final class SqliteFile extends SchemaLock {
    private static final ReentrantLock JVM_LOCK = new ReentrantLock();
    private final Path lockFile;

    SqliteFile(Path database) {
      this.lockFile = database.resolveSibling(database.getFileName() + ".migrate.lock");
    }

    @Override
    public Held acquire(Duration timeout) {
      Instant deadline = Instant.now().plus(timeout);
      try {
        if (!JVM_LOCK.tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          throw new MigrationFailure(
              "another migration in this process holds "
                  + lockFile
                  + "; try again when it has finished");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationFailure("interrupted while waiting for the migration lock", e);
      }
      try {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel channel =
            FileChannel.open(
                lockFile,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        while (true) {
          FileLock lock;
          try {
            lock = channel.tryLock();
          } catch (OverlappingFileLockException e) {
            lock = null;
          }
          if (lock != null) {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(whoAmI().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            FileLock held = lock;
            return () -> {
              try {
                held.release();
                channel.close();
              } catch (IOException ignored) {
                // the OS drops the lock with the process anyway
              } finally {
                JVM_LOCK.unlock();
              }
            };
          }
          if (Instant.now().isAfter(deadline)) {
            String holder = readHolder();
            channel.close();
            throw new MigrationFailure(
                "another migration holds the lock "
                    + lockFile
                    + " ("
                    + holder
                    + "); wait for it to finish and try again, or stop that process");
          }
          sleep();
        }
      } catch (IOException e) {
        JVM_LOCK.unlock();
        throw new MigrationFailure(
            "cannot open the migration lock file " + lockFile + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        JVM_LOCK.unlock();
        throw e;
      }
    }

    private String readHolder() {
      try {
        String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "holder unknown" : "held by " + text;
      } catch (IOException e) {
        return "holder unknown";
      }
    }
  }

  static final class Postgres extends SchemaLock {
    private final MigrationTarget target;

    Postgres(MigrationTarget target) {
      this.target = target;
    }

    @Override
    public Held acquire(Duration timeout) {
      Connection connection;
      try {
        connection = target.open();
      } catch (SQLException e) {
        throw target.unreachable(e);
      }
      try {
        long key = key(connection);
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
          try (PreparedStatement ps =
              connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getBoolean(1)) {
                return () -> release(connection, key);
              }
            }
          }
          if (Instant.now().isAfter(deadline)) {
            String holder = holder(connection, key);
            connection.close();
            throw new MigrationFailure(
                "another migration holds the PostgreSQL advisory lock "
                    + key
                    + " ("
                    + holder
                    + "); wait for it to finish and try again, or end that session");
          }
          sleep();
        }
      } catch (SQLException e) {
        closeQuietly(connection);
        throw new MigrationFailure("cannot take the migration lock: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly(connection);
        throw e;
      }
    }

    /** One lock per database and schema, so isolated test schemas do not wait for each other. */
    private static long key(Connection connection) throws SQLException {
      try (PreparedStatement ps =
              connection.prepareStatement("SELECT current_database() || '.' || current_schema()");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        long hash = 0x44_61_74_61_4D_69_6EL; // "DataMin"
        for (byte b :
            ("datamingle-migrations:" + rs.getString(1)).getBytes(StandardCharsets.UTF_8)) {
          hash = hash * 31 + b;
        }
        return hash;
      }
    }

    private static String holder(Connection connection, long key) {
      String sql =
          "SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local'),"
              + " a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE"
              + " l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? LIMIT 1";
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        ps.setLong(1, (key >>> 32) & 0xFFFFFFFFL);
        ps.setLong(2, key & 0xFFFFFFFFL);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return "held by backend pid "
                + rs.getInt(1)
                + " ("
                + rs.getString(2)
                + ", client "
                + rs.getString(3)
                + ", connected "
                + rs.getTimestamp(4).toInstant()
                + ")";
          }
        }
      } catch (SQLException e) {
        return "holder unknown";
      }
      return "holder unknown";
    }

    private static void release(Connection connection, long key) {
      try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        ps.setLong(1, key);
        ps.execute();
      } catch (SQLException ignored) {
        // closing the session below releases it as well
      } finally {
        closeQuietly(connection);
      }
    }

    private static void closeQuietly(Connection connection) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to do
      }
    }
  }
}
