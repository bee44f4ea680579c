package com.datamingle.migrations.backup;

import com.datamingle.migrations.database.MigrationFailure;
import com.datamingle.migrations.database.MigrationTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The PostgreSQL client programs (pg_dump, pg_restore, psql) run against a target: connection
 * settings go in libpq environment variables, never on the command line (where the process list
 * would show a password). Their output is reduced to one line for messages.
 */
final class PgTools {
  static final long TIMEOUT_MINUTES = 30;

  private final MigrationTarget target;

  PgTools(MigrationTarget target) {
    this.target = target;
  }

  /**
   * A process of one client program, connected to the target, with standard error going to {@code
   * errors}.
   */
  ProcessBuilder builder(List<String> command, Path errors) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
    builder.environment().putAll(libpqEnvironment());
    builder.environment().put("PGAPPNAME", "datamingle-" + command.get(0).replace('_', '-'));
    return builder;
  }

  /**
   * Runs one client program to the end, with its standard output written to {@code output}; on
   * failure throws {@code failure} applied to the program's first error line.
   */
  void run(List<String> command, ProcessBuilder.Redirect output, Function<String, String> failure) {
    Path errors = tempFile();
    try {
      Process process = start(builder(command, errors).redirectOutput(output));
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new MigrationFailure(
            command.get(0) + " did not finish within " + TIMEOUT_MINUTES + " minutes");
      }
      if (process.exitValue() != 0) {
        throw new MigrationFailure(failure.apply(firstError(errors)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailure("interrupted while running " + command.get(0), e);
    } finally {
      delete(errors);
    }
  }

  /** Runs one client program and returns its standard output as text. */
  String output(List<String> command, Function<String, String> failure) {
    Path out = tempFile();
    try {
      run(command, ProcessBuilder.Redirect.to(out.toFile()), failure);
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationFailure(
          "cannot read the output of " + command.get(0) + ": " + e.getMessage(), e);
    } finally {
      delete(out);
    }
  }

  static Process start(ProcessBuilder builder) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new MigrationFailure(
          builder.command().get(0)
              + " is not installed: install the PostgreSQL client (Debian:"
              + " apt-get install postgresql-client) and run the command again",
          e);
    }
  }

  /**
   * The first line that says what went wrong (an ERROR or FATAL line when there is one), else the
   * first line.
   */
  static String firstError(Path errors) {
    try {
      List<String> lines =
          Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .toList();
      String first =
          lines.stream()
              .filter(l -> l.contains("ERROR") || l.contains("FATAL") || l.contains("error:"))
              .findFirst()
              .orElse(lines.isEmpty() ? "no message" : lines.get(0));
      return first.length() <= 400 ? first : first.substring(0, 400) + "...";
    } catch (IOException | java.io.UncheckedIOException e) {
      return "no message";
    }
  }

  static Path tempFile() {
    try {
      return Files.createTempFile("datamingle-pg-", ".tmp");
    } catch (IOException e) {
      throw new MigrationFailure("cannot create a temporary file: " + e.getMessage(), e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless
    }
  }

  /** host, port, database and options of the JDBC URL, as libpq environment variables. */
  private Map<String, String> libpqEnvironment() {
    URI uri = URI.create(target.jdbcUrl().substring("jdbc:".length()));
    Map<String, String> env = new HashMap<>();
    env.put("PGHOST", uri.getHost() == null ? "localhost" : uri.getHost());
    env.put("PGPORT", Integer.toString(uri.getPort() > 0 ? uri.getPort() : 5432));
    env.put("PGDATABASE", database());
    String user = target.user();
    String password = target.password();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String value =
            kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        if (kv[0].equals("user") && user == null) {
          user = value;
        } else if (kv[0].equals("password") && password == null) {
          password = value;
        } else if (kv[0].equals("sslmode")) {
          env.put("PGSSLMODE", value);
        }
      }
    }
    if (user != null) {
      env.put("PGUSER", user);
    }
    if (password != null) {
      env.put("PGPASSWORD", password);
    }
    return env;
  }

  String database() {
    String path = URI.create(target.jdbcUrl().substring("jdbc:".length())).getPath();
    return path == null || path.length() <= 1 ? "postgres" : path.substring(1);
  }

  /**
   * pg_restore's SQL between our BEGIN and COMMIT, into psql. COMMIT is written only when
   * pg_restore has exited 0; otherwise psql is stopped without it and the transaction dies with its
   * session.
   */
  void restoreInTransaction(Path file, String before, String after) {
    Path psqlErrors = tempFile();
    Path restoreErrors = tempFile();
    Process psql = null;
    Process restore = null;
    try {
      psql =
          start(
              builder(
                      List.of(
                          "psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=-"),
                      psqlErrors)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD));
      restore =
          start(
              builder(
                  List.of("pg_restore", "--no-owner", "--file=-", file.toAbsolutePath().toString()),
                  restoreErrors));
      boolean complete;
      try (OutputStream in = psql.getOutputStream()) {
        try (InputStream sql = restore.getInputStream()) {
          in.write(before.getBytes(StandardCharsets.UTF_8));
          sql.transferTo(in);
          complete = restore.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) && restore.exitValue() == 0;
          if (complete) {
            in.write(after.getBytes(StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          complete = false; // psql stopped reading: it failed, its error says why
        }
        if (!complete) {
          psql.destroyForcibly();
        }
      } catch (IOException e) {
        complete = false;
      }
      if (!psql.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        psql.destroyForcibly();
        throw new MigrationFailure(
            "the restore did not finish within "
                + TIMEOUT_MINUTES
                + " minutes and was rolled back;"
                + " the database is as it was");
      }
      if (!complete || psql.exitValue() != 0) {
        String psqlError = firstError(psqlErrors);
        String cause =
            psql.exitValue() != 0 && !psqlError.equals("no message")
                ? psqlError
                : restore.isAlive() || restore.exitValue() != 0
                    ? "pg_restore: " + firstError(restoreErrors)
                    : psqlError;
        throw new MigrationFailure(
            "the restore from "
                + file
                + " failed and was rolled back; the database is as it was: "
                + cause
                + (cause.contains("lock timeout")
                    ? " (another session holds the tables, e.g. a long transaction; try again when"
                        + " it has finished)"
                    : ""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailure("interrupted during the restore; it was rolled back", e);
    } finally {
      if (restore != null && restore.isAlive()) {
        restore.destroyForcibly();
      }
      if (psql != null && psql.isAlive()) {
        psql.destroyForcibly();
      }
      delete(psqlErrors);
      delete(restoreErrors);
    }
  }
}
