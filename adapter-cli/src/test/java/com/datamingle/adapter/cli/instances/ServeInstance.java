package com.datamingle.adapter.cli.instances;

import com.datamingle.adapter.web.testing.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real {@code datamingle serve} process of the packaged jar, started by {@link ServeInstances}:
 * its port, its base URL, an HTTP client with bearer tokens, and its stdout and stderr captured to
 * files (every failure message of this class carries them).
 */
public final class ServeInstance {
  /** How long an instance may take to answer {@code /ready} 200, or to exit. */
  public static final Duration STARTUP = Duration.ofSeconds(90);

  private final String name;
  private final int port;
  private final Process process;
  private final Path out;
  private final Path err;
  private final Http http;

  ServeInstance(String name, int port, Process process, Path out, Path err) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.out = out;
    this.err = err;
    this.http = new Http(baseUrl());
  }

  /** "instance-1", ...: how failure messages and log files call it. */
  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The raw client, for headers of one's own ({@link Http#send}). */
  public Http http() {
    return http;
  }

  public Process process() {
    return process;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** {@code GET path} with this bearer token (null: none). */
  public Http.Response get(String path, String token) {
    return call("GET", path, token, null);
  }

  /** {@code POST path} with this bearer token and JSON body (null: none). */
  public Http.Response post(String path, String token, String json) {
    return call("POST", path, token, json);
  }

  /** {@code PATCH path} with this bearer token and JSON body. */
  public Http.Response patch(String path, String token, String json) {
    return call("PATCH", path, token, json);
  }

  /** Any method, with an optional bearer token and an optional JSON body. */
  public Http.Response call(String method, String path, String token, String json) {
    Map<String, String> headers = new HashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    if (json != null) {
      headers.put("Content-Type", "application/json");
    }
    try {
      return http.send(method, path, headers, json);
    } catch (AssertionError e) {
      throw new AssertionError(name + ": " + e.getMessage() + "\n" + logs(), e);
    }
  }

  /** Waits until {@code GET /ready} answers 200; fails with the logs if it exits or times out. */
  public ServeInstance awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " exited with " + process.exitValue() + " before it was ready\n" + logs());
      }
      try {
        Http.Response ready = http.get("/ready", null);
        if (ready.status() == 200) {
          return this;
        }
        last = ready.status() + " " + ready.body();
      } catch (AssertionError notListeningYet) {
        last = notListeningYet.getMessage();
      }
      pause(150);
    }
    throw new AssertionError(
        name + " was not ready within " + STARTUP + " (" + last + ")\n" + logs());
  }

  /** Waits for the process to exit by itself and returns its exit code. */
  public int awaitExit() {
    try {
      if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(name + " did not exit within " + STARTUP + "\n" + logs());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  /** SIGTERM, then a kill if it has not stopped within {@code grace}; returns the exit code. */
  public int stop(Duration grace) {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError(e);
    }
  }

  /** What it wrote to stdout. */
  public String stdout() {
    return read(out);
  }

  /** What it wrote to stderr (the log). */
  public String stderr() {
    return read(err);
  }

  /** Both streams, labelled, for failure messages. */
  public String logs() {
    return "----- "
        + name
        + " stdout ("
        + out
        + ")\n"
        + stdout()
        + "----- "
        + name
        + " stderr ("
        + err
        + ")\n"
        + stderr();
  }

  /** The lines of both streams, stdout first. */
  public List<String> lines() {
    return (stdout() + stderr()).lines().toList();
  }

  private static String read(Path file) {
    try {
      // logs may hold bytes that are not UTF-8: decode leniently
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")\n";
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public String toString() {
    return name + " at " + baseUrl() + (process.isAlive() ? "" : " (exited)");
  }
}
