package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.command.common.BuildVersion;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.GlobalOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code datamingle}: the operators' command. Exit codes: 0 ok, 1 failed, 2 usage. Its subcommands
 * are in {@link CommandTree}.
 */
@Command(
    name = "datamingle",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    description =
        "DataMingle core: the user store behind WorkOS sign-in, its HTTP API and its schema.",
    footer = {
      "",
      "Configuration: DATABASE_URL (default: SQLite file db.sqlite in this folder),"
          + " DATAMINGLE_MIGRATIONS,",
      "PORT, BIND_ADDRESS, WORKOS_CLIENT_ID, WORKOS_API_KEY, WORKOS_ISSUERS, WORKOS_JWKS_URL,"
          + " WORKOS_API_BASE_URL,",
      "CORS_ALLOWED_ORIGINS, DATAMINGLE_ENV. See `datamingle serve --help`."
    })
public final class RootCommand implements Runnable, GlobalOptions {
  final Map<String, String> env;

  @Option(
      names = "--database-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "Database to use; overrides DATABASE_URL. jdbc:sqlite:FILE, sqlite:///FILE,"
              + " postgresql://USER:PASS@HOST:PORT/DB or jdbc:postgresql://...")
  String databaseUrl;

  @Option(
      names = "--migrations",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description =
          "Read migration scripts from DIR/sqlite and DIR/postgresql instead of the packaged ones;"
              + " overrides DATAMINGLE_MIGRATIONS.")
  Path migrations;

  @Option(
      names = "--trace",
      scope = ScopeType.INHERIT,
      description = "Print the full stack trace of an error.")
  boolean trace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  RootCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command, e.g. `datamingle db upgrade`");
  }

  @Override
  public Map<String, String> effectiveEnvironment() {
    Map<String, String> effective = new HashMap<>(env);
    if (databaseUrl != null) {
      effective.put("DATABASE_URL", databaseUrl);
    }
    if (migrations != null) {
      effective.put("DATAMINGLE_MIGRATIONS", migrations.toString());
    }
    return effective;
  }

  @Override
  public Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    if (databaseUrl != null) {
      flags.put("DATABASE_URL", "--database-url");
    }
    if (migrations != null) {
      flags.put("DATAMINGLE_MIGRATIONS", "--migrations");
    }
    return flags;
  }

  /**
   * The root's command line, with the commands' help texts (help.properties, which the commands
   * added to it later share), before any command is added.
   */
  static CommandLine commandLine(RootCommand root) {
    CommandLine cli = new CommandLine(root);
    cli.setResourceBundle(helpTexts());
    return cli;
  }

  /**
   * help.properties, read as it is: picocli's resourceBundle attribute goes through
   * ResourceBundle.getBundle, which first looks for a class and a file of every candidate locale,
   * about 10 ms of every command's start-up; the help exists in English only.
   */
  private static ResourceBundle helpTexts() {
    try (InputStream in = RootCommand.class.getResourceAsStream("help.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "the jar holds no com/datamingle/adapter/cli/command/help.properties; rebuild it");
      }
      return new PropertyResourceBundle(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the help texts from the jar; rebuild it", e);
    }
  }

  /** Runs the command line; returns the exit code (or {@link ExitCode#KEEP_RUNNING}). */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    RootCommand root = new RootCommand(env);
    CommandLine cli = commandLine(root);
    CommandTree.addTo(cli, args); // before the settings below, which apply to the tree as it is
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          int code = FailureMessages.exitCode(e);
          err.println("datamingle: " + FailureMessages.message(e));
          if (root.trace) {
            e.printStackTrace(err);
          } else if (!FailureMessages.isExpected(e)) {
            err.println("(run again with --trace for the details)");
          }
          err.flush();
          return code;
        });
    cli.setParameterExceptionHandler(
        (e, args2) -> {
          err.println("datamingle: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
          err.println(
              "Run `"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help` for usage.");
          err.flush();
          return ExitCode.USAGE;
        });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
