package com.datamingle.adapter.cli.command.common;

import com.datamingle.adapter.cli.bootstrap.Settings;
import java.util.Map;

/**
 * What the root command makes of the process environment and its global flags ({@code
 * --database-url}, {@code --migrations}); {@link CommandContext} reads it for every command.
 */
public interface GlobalOptions {
  /** The environment with this command line's global flags written over it. */
  Map<String, String> effectiveEnvironment();

  /** The variables the global flags set, each with the flag's name (for messages). */
  Map<String, String> flags();

  default Settings settings() {
    return Settings.fromEnvironment(effectiveEnvironment(), flags());
  }
}
