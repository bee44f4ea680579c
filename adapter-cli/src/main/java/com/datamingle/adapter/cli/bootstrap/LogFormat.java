package com.datamingle.adapter.cli.bootstrap;

import java.util.Map;
import java.util.Set;

/**
 * {@code DATAMINGLE_LOG_FORMAT}: {@code text} (the default) or {@code json}. LogConfigurator picks
 * its encoder after it and reads the variable itself; this refuses any other value, which would
 * otherwise leave the process without a log.
 */
final class LogFormat {
  static final String VARIABLE = "DATAMINGLE_LOG_FORMAT";
  private static final Set<String> FORMATS = Set.of("text", "json");

  private LogFormat() {}

  static void check(Map<String, String> env) {
    String format = env.get(VARIABLE);
    if (format != null && !FORMATS.contains(format)) {
      throw new Settings.InvalidSettings(
          VARIABLE
              + " is '"
              + format
              + "'; use text (the default) or json (one JSON object per log line)");
    }
  }
}
