package com.datamingle.adapter.cli.command;

import com.datamingle.adapter.cli.bootstrap.Failures;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.bootstrap.SettingsSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code datamingle}: the operators' command. Exit codes: 0 ok, 1 failed, 2 usage. */
@Command(
    name = "datamingle",
    mixinStandardHelpOptions = true,
    version = "datamingle 0.1.0",
    description =
        "DataMingle core: the user store behind WorkOS sign-in, its HTTP API and its schema.",
    subcommands = {
      ServeCommand.class,
      DbCommand.class,
      DatabaseCommands.InitDb.class,
      DatabaseCommands.ResetDb.class,
      UsersCommand.class,
      DevCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Configuration: DATABASE_URL (default: SQLite file db.sqlite in this folder),"
          + " DATAMINGLE_MIGRATIONS,",
      "PORT, BIND_ADDRESS, WORKOS_CLIENT_ID, WORKOS_API_KEY, WORKOS_ISSUERS, WORKOS_JWKS_URL,"
          + " WORKOS_API_BASE_URL,",
      "CORS_ALLOWED_ORIGINS, DATAMINGLE_ENV. See `datamingle serve --help`."
    })
public final class RootCommand implements Runnable, SettingsSource {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  /** Returned by a command that leaves the JVM running (a server) instead of an exit code. */
  public static final int KEEP_RUNNING = -1;

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

  /** The environment with this command line's global flags written over it. */
  Map<String, String> effectiveEnvironment() {
    Map<String, String> effective = new java.util.HashMap<>(env);
    if (databaseUrl != null) {
      effective.put("DATABASE_URL", databaseUrl);
    }
    if (migrations != null) {
      effective.put("DATAMINGLE_MIGRATIONS", migrations.toString());
    }
    return effective;
  }

  /**
   * The variables this command line's global flags set, each with the flag's name (for messages).
   */
  Map<String, String> flags() {
    Map<String, String> flags = new java.util.HashMap<>();
    if (databaseUrl != null) {
      flags.put("DATABASE_URL", "--database-url");
    }
    if (migrations != null) {
      flags.put("DATAMINGLE_MIGRATIONS", "--migrations");
    }
    return flags;
  }

  @Override
  public Settings settings() {
    return Settings.fromEnvironment(effectiveEnvironment(), flags());
  }

  /** Runs the command line; returns the exit code (or {@link #KEEP_RUNNING}). */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    RootCommand root = new RootCommand(env);
    CommandLine cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          int code = exitCode(e);
          err.println("datamingle: " + message(e));
          if (root.trace) {
            e.printStackTrace(err);
          } else if (!isExpected(e)) {
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
          return USAGE;
        });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static int exitCode(Exception e) {
    if (Failures.isUsage(e) || e instanceof UsageFailure) {
      return USAGE;
    }
    return FAILED;
  }

  static boolean isExpected(Exception e) {
    return Failures.isExpected(e) || e instanceof KnownFailure;
  }

  /**
   * One line (a library's multi-line text never reaches the terminal; --trace prints the stack).
   * Our own expected failures may add indented detail lines of their own.
   */
  static String message(Exception e) {
    if (isExpected(e)) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String detail = firstLine(root.getMessage() != null ? root.getMessage() : e.getMessage());
    if (Failures.isDatabase(e)) {
      return "the database could not be used as DataMingle expects ("
          + root.getClass().getSimpleName()
          + (detail.isEmpty() ? "" : ": " + detail)
          + "); `datamingle db current` and `datamingle db drift` show what it holds";
    }
    return "unexpected " + e.getClass().getSimpleName() + (detail.isEmpty() ? "" : ": " + detail);
  }

  /**
   * The first line of a library's message that says something, without MyBatis's "###" decoration,
   * at most 300 characters.
   */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line =
        message
            .lines()
            .map(l -> l.replaceFirst("^#+\\s*", "").strip())
            .filter(l -> !l.isEmpty())
            .findFirst()
            .orElse("");
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }

  /** A failure whose message already says everything: exit 1 without the --trace hint. */
  static class KnownFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KnownFailure(String message) {
      super(message);
    }
  }

  /** Wrong input on the command line that picocli could not catch itself: exit 2. */
  static final class UsageFailure extends KnownFailure {
    private static final long serialVersionUID = 1L;

    UsageFailure(String message) {
      super(message);
    }
  }
}
