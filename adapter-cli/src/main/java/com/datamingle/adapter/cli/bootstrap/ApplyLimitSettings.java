package com.datamingle.adapter.cli.bootstrap;

import com.datamingle.migrations.database.ApplyLimits;
import java.time.Duration;
import java.util.Map;

/**
 * How each migration runs on PostgreSQL, from {@code DATAMINGLE_LOCK_TIMEOUT}, {@code
 * DATAMINGLE_STATEMENT_TIMEOUT} and {@code DATAMINGLE_LOCK_RETRIES} (or the {@code db upgrade},
 * {@code downgrade} and {@code merge} flags that override them); unset means {@link
 * ApplyLimits#DEFAULT}.
 */
public final class ApplyLimitSettings {
  public static final String LOCK_TIMEOUT = "DATAMINGLE_LOCK_TIMEOUT";
  public static final String STATEMENT_TIMEOUT = "DATAMINGLE_STATEMENT_TIMEOUT";
  public static final String LOCK_RETRIES = "DATAMINGLE_LOCK_RETRIES";

  private ApplyLimitSettings() {}

  /**
   * The limits {@code env} sets; {@code flags} maps a variable to the flag that set it, for
   * messages.
   */
  public static ApplyLimits read(Map<String, String> env, Map<String, String> flags) {
    ApplyLimits limits = ApplyLimits.DEFAULT;
    String lock = env.get(LOCK_TIMEOUT);
    if (lock != null && !lock.isBlank()) {
      limits =
          limits.withLockTimeout(duration(flags.getOrDefault(LOCK_TIMEOUT, LOCK_TIMEOUT), lock));
    }
    String statement = env.get(STATEMENT_TIMEOUT);
    if (statement != null && !statement.isBlank()) {
      limits =
          limits.withStatementTimeout(
              duration(flags.getOrDefault(STATEMENT_TIMEOUT, STATEMENT_TIMEOUT), statement));
    }
    String retries = env.get(LOCK_RETRIES);
    if (retries != null && !retries.isBlank()) {
      limits = limits.withRetries(retries(flags.getOrDefault(LOCK_RETRIES, LOCK_RETRIES), retries));
    }
    return limits;
  }

  private static Duration duration(String name, String text) {
    Duration d = ApplyLimits.parse(text);
    if (d == null) {
      throw new Settings.InvalidSettings(
          name
              + " is '"
              + text.strip()
              + "'; use a duration such as 500ms, 5s or 2min (a bare number is seconds), or 0 for"
              + " no limit");
    }
    return d;
  }

  private static int retries(String name, String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n < 0 || n > 100) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Settings.InvalidSettings(
          name
              + " is '"
              + text.strip()
              + "'; use how many times a migration that gave up waiting for a lock is tried again,"
              + " from 0 to 100 (default "
              + ApplyLimits.DEFAULT.retries()
              + ")");
    }
  }
}
