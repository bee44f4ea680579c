package com.datamingle.adapter.cli.command.serve;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code serve} flags that each stand for one environment variable, declared from one table
 * (their descriptions are in the help bundle under {@code datamingle.serve.<flag>}).
 */
final class EnvFlags implements IModelTransformer {
  private record EnvFlag(String flag, String variable, String paramLabel) {}

  private static final List<EnvFlag> ALL =
      List.of(
          new EnvFlag("--port", "PORT", "PORT"),
          new EnvFlag("--bind-address", "BIND_ADDRESS", "ADDRESS"),
          new EnvFlag("--env", "DATAMINGLE_ENV", "ENV"),
          new EnvFlag("--workos-client-id", "WORKOS_CLIENT_ID", "ID"),
          new EnvFlag("--workos-api-key", "WORKOS_API_KEY", "KEY"),
          new EnvFlag("--workos-issuers", "WORKOS_ISSUERS", "LIST"),
          new EnvFlag("--workos-jwks-url", "WORKOS_JWKS_URL", "URL"),
          new EnvFlag("--workos-api-base-url", "WORKOS_API_BASE_URL", "URL"),
          new EnvFlag("--cors-allowed-origins", "CORS_ALLOWED_ORIGINS", "LIST"),
          new EnvFlag("--warmup", "DATAMINGLE_WARMUP", "BUDGET"));

  @Override
  public CommandSpec transform(CommandSpec command) {
    for (EnvFlag f : ALL) {
      command.addOption(
          OptionSpec.builder(f.flag()).paramLabel(f.paramLabel()).type(String.class).build());
    }
    return command;
  }

  /**
   * Each flag given overrides its variable in {@code env}, and is noted in {@code flags} so that
   * errors about the value name the flag.
   */
  static void apply(CommandSpec command, Map<String, String> env, Map<String, String> flags) {
    for (EnvFlag f : ALL) {
      String value = command.findOption(f.flag()).getValue();
      if (value != null) {
        env.put(f.variable(), value);
        flags.put(f.variable(), f.flag());
      }
    }
  }
}
