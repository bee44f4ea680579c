package com.datamingle.adapter.cli.bootstrap;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Start-up work of a short database command ({@code db …}, {@code users …}) begun on the second
 * core while the main thread reads the command line: SQLite's native library found in the cache,
 * the logging set-up that the SQLite driver's first logger triggers, the driver itself with its
 * native library and the date format every connection makes (the locale data behind it), and, for a
 * {@code db} command, the SHA-256 of the scripts' checksums ({@code users} commands check the
 * schema from the scripts' names alone). The main thread uses each when it gets there, whether or
 * not this thread has finished with it (a class being initialised here is waited for, never
 * initialised twice). Nothing here can fail the command: what does not work here is done, or
 * reported, where it is needed.
 */
public final class Preload {
  private static final List<String> COMMANDS = List.of("db", "users");

  private Preload() {}

  /**
   * Starts it for {@code args} when they name a database command (not {@code serve}); then it also
   * finds SQLite's native library in the cache first ({@link SqliteNativeLibrary#useCache}), which
   * the caller does otherwise. Returns whether it started.
   */
  public static boolean startFor(String[] args, Map<String, String> env) {
    String command = firstWord(args);
    if (command == null || !COMMANDS.contains(command)) {
      return false;
    }
    // a class rather than a lambda: the main thread's first lambda costs it milliseconds of
    // method-handle set-up that this thread does meanwhile
    Thread thread =
        new Thread(new Work(onSqlite(args, env), "db".equals(command)), "datamingle-preload");
    thread.setDaemon(true);
    thread.setPriority(Thread.NORM_PRIORITY - 1);
    thread.start();
    return true;
  }

  private record Work(boolean sqlite, boolean checksums) implements Runnable {
    @Override
    public void run() {
      preload(sqlite, checksums);
    }
  }

  private static void preload(boolean sqlite, boolean checksums) {
    try {
      SqliteNativeLibrary.useCache();
      org.slf4j.LoggerFactory.getILoggerFactory();
      if (sqlite) {
        org.sqlite.SQLiteJDBCLoader.initialize();
        org.sqlite.date.FastDateFormat.getInstance(
            org.sqlite.SQLiteConfig.DEFAULT_DATE_STRING_FORMAT);
      }
      if (checksums) {
        MessageDigest.getInstance("SHA-256");
      }
    } catch (Exception | LinkageError e) {
      // done again, and reported, where it is needed
    }
  }

  private static String firstWord(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ("--database-url".equals(a) || "--migrations".equals(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        return a;
      }
    }
    return null;
  }

  /** SQLite unless the database URL (option, then environment) names another database. */
  private static boolean onSqlite(String[] args, Map<String, String> env) {
    String url = env.get("DATABASE_URL");
    for (int i = 0; i < args.length; i++) {
      if ("--database-url".equals(args[i]) && i + 1 < args.length) {
        url = args[i + 1];
      } else if (args[i].startsWith("--database-url=")) {
        url = args[i].substring("--database-url=".length());
      }
    }
    return url == null || url.isBlank() || url.contains("sqlite");
  }
}
