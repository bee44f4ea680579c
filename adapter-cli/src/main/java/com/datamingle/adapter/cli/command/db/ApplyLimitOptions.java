package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.bootstrap.ApplyLimitSettings;
import com.datamingle.adapter.cli.command.common.CommandContext;
import com.datamingle.migrations.DatabaseMigrator;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code --lock-timeout}, {@code --statement-timeout} and {@code --lock-retries}, mixed into the
 * commands that run migrations: each overrides its variable ({@link ApplyLimitSettings}). Their
 * descriptions are in the help bundle under their own names.
 */
@Command
final class ApplyLimitOptions {
  @Option(names = "--lock-timeout", paramLabel = "DURATION", descriptionKey = "lock-timeout")
  String lockTimeout;

  @Option(
      names = "--statement-timeout",
      paramLabel = "DURATION",
      descriptionKey = "statement-timeout")
  String statementTimeout;

  @Option(names = "--lock-retries", paramLabel = "N", descriptionKey = "lock-retries")
  String lockRetries;

  /** {@code migrator} with the limits of the environment and these flags over it. */
  DatabaseMigrator apply(CommandContext context, DatabaseMigrator migrator) {
    Map<String, String> env = new HashMap<>(context.global().effectiveEnvironment());
    Map<String, String> flags = new HashMap<>(context.global().flags());
    put(env, flags, ApplyLimitSettings.LOCK_TIMEOUT, "--lock-timeout", lockTimeout);
    put(env, flags, ApplyLimitSettings.STATEMENT_TIMEOUT, "--statement-timeout", statementTimeout);
    put(env, flags, ApplyLimitSettings.LOCK_RETRIES, "--lock-retries", lockRetries);
    return migrator.withApplyLimits(ApplyLimitSettings.read(env, flags));
  }

  private static void put(
      Map<String, String> env, Map<String, String> flags, String variable, String flag, String v) {
    if (v != null) {
      env.put(variable, v);
      flags.put(variable, flag);
    }
  }
}
