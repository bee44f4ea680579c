package com.datamingle.adapter.cli.command.serve;

import com.datamingle.adapter.cli.bootstrap.DevTokens;
import com.datamingle.adapter.cli.bootstrap.ServeOptions;
import com.datamingle.adapter.cli.bootstrap.ServeWiring;
import com.datamingle.adapter.cli.bootstrap.ServiceRuntime;
import com.datamingle.adapter.cli.bootstrap.Settings;
import com.datamingle.adapter.cli.bootstrap.WarmUpBudget;
import com.datamingle.adapter.cli.command.common.ExitCode;
import com.datamingle.adapter.cli.command.common.GlobalOptions;
import com.datamingle.adapter.cli.command.common.LintAllowOption;
import com.datamingle.adapter.cli.command.common.MigrationText;
import com.datamingle.adapter.cli.command.common.Subcommand;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datamingle serve}: the HTTP API. */
@Command(name = "serve", mixinStandardHelpOptions = true, modelTransformer = EnvFlags.class)
public final class ServeCommand extends Subcommand {

  @Option(names = "--dev")
  boolean dev;

  @Option(names = "--migrate")
  boolean migrate;

  @Option(names = "--allow-drift")
  boolean allowDrift;

  @Mixin LintAllowOption allowLint;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    GlobalOptions root = context.global();
    Map<String, String> env = new HashMap<>(root.effectiveEnvironment());
    Map<String, String> flags = new HashMap<>(root.flags());
    EnvFlags.apply(spec, env, flags);
    Settings settings = Settings.fromEnvironment(env, flags);
    PrintWriter err = context.err();
    if (dev && settings.environment() != Settings.Environment.PRODUCTION) {
      err.println(
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      err.println(
          "!! DEVELOPMENT MODE: accepting tokens from `datamingle dev token`, signed by a local"
              + " key.");
      err.println(
          "!! Never expose this server; production refuses --dev (DATAMINGLE_ENV=production).");
      err.println(
          "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      err.flush();
    }
    ServiceRuntime runtime =
        ServeWiring.serve(
            settings,
            new ServeOptions(
                dev,
                migrate,
                allowDrift,
                DevTokens.DEV_DIR,
                MigrationText.progress(err),
                line -> {
                  err.println(line);
                  err.flush();
                },
                allowLint.rules(),
                WarmUpBudget.parse(
                    env.get("DATAMINGLE_WARMUP"),
                    flags.getOrDefault("DATAMINGLE_WARMUP", "DATAMINGLE_WARMUP"),
                    dev)),
            Clock.systemUTC());
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopping.compareAndSet(false, true)) {
            err.println("datamingle: stopping (in-flight requests may finish)");
            err.flush();
            runtime.close();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "datamingle-shutdown"));
    CountDownLatch stopRequested = new CountDownLatch(1);
    if (!StopSignals.install(stopRequested::countDown)) {
      return ExitCode.KEEP_RUNNING; // the shutdown hook drains; the exit code is the JVM's
    }
    awaitUninterruptibly(stopRequested);
    stop.run();
    err.println("datamingle: stopped");
    err.flush();
    return ExitCode.OK;
  }

  /** SIGTERM or SIGINT: the requests in flight finish, then serve exits 0. */
  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
