package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.adapter.web.auth.DevSigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warm-up's throw-away key (its private half only in memory; its folder holds the public JWKS
 * until {@link #delete}) and the tokens it signed for the warm-up's users.
 */
record WarmUpKey(Path dir, DevSigningKey key, List<String> tokens) {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUpKey.class);

  /** A new key in a new temporary folder, and two tokens for each of {@code users} users. */
  static WarmUpKey make(int users, Duration budget, Clock clock) throws IOException {
    Path dir = Files.createTempDirectory("datamingle-warm-up");
    dir.toFile().deleteOnExit(); // also when the service stops before the warm-up has ended
    dir.resolve("jwks.json").toFile().deleteOnExit();
    DevSigningKey key = DevSigningKey.loadOrCreate(dir);
    Files.deleteIfExists(dir.resolve("signing-key.pk8")); // the key lives on in memory only
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < users * 2; i++) {
      tokens.add(
          key.mint("warm-up-" + (i % users) + "@warm-up.invalid", "Warm", "Up", budget, clock)
              .token());
    }
    return new WarmUpKey(dir, key, List.copyOf(tokens));
  }

  /** Deletes the folder; a failure is only logged (the folder is also deleted at exit). */
  void delete() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.debug("could not delete the warm-up folder {}: {}", dir, e.toString());
    }
  }
}
