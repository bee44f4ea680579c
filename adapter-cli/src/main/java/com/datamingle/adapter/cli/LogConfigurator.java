package com.datamingle.adapter.cli;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.hook.DefaultShutdownHook;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;

/**
 * The log set-up, in code rather than a logback.xml: parsing XML (Joran and the JDK's XML parser,
 * some 650 classes) cost a short command about a sixth of its start-up. Registered as logback's
 * {@link Configurator} service. Logs go to standard error, so standard output stays clean for data
 * ({@code $(datamingle dev token)}); lines are written by a background thread (the access log
 * writes one per request) whose queue is drained at exit. {@code DATAMINGLE_LOG_FORMAT} picks the
 * encoder: text (the default) or json, one JSON object per line with the logging context
 * (request_id) and the access log's fields (Settings refuses any other value: LogFormat). All of
 * that is made when the first line is logged ({@link FirstLineAppender}): a command that logs
 * nothing pays for none of it. {@code DATAMINGLE_LOG_LEVEL} sets the root level (INFO by default).
 * A {@code logback-test.xml} on the class path, or {@code -Dlogback.configurationFile}, takes
 * precedence.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level %logger{0} - %msg%n";
  private static final Map<String, Level> QUIET =
      Map.of(
          "com.zaxxer.hikari", Level.WARN,
          "org.eclipse.jetty", Level.WARN,
          "io.javalin", Level.WARN,
          "org.apache.ibatis", Level.WARN);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    context.getStatusManager().add(new NopStatusListener());
    FirstLineAppender first = new FirstLineAppender(() -> writer(context));
    first.setContext(context);
    first.setName("FIRST-LINE");
    first.start();

    QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(setting("DATAMINGLE_LOG_LEVEL", "INFO")));
    root.addAppender(first);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * The real appender, made on the first line: a console on standard error behind a background
   * writer, and the shutdown hook that drains it at exit (or the console alone when the JVM is
   * already exiting).
   */
  private static Appender<ILoggingEvent> writer(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(setting("DATAMINGLE_LOG_FORMAT", "text"));
    console.setTarget("System.err");
    console.setEncoder("json".equals(console.getName()) ? json(context) : text(context));
    console.start();

    DefaultShutdownHook hook = new DefaultShutdownHook();
    hook.setContext(context);
    Thread hookThread = new Thread(hook, "Logback shutdown hook [" + context.getName() + "]");
    try {
      Runtime.getRuntime().addShutdownHook(hookThread);
    } catch (IllegalStateException exiting) {
      return console; // the first line comes from a shutdown hook: written where it is logged
    }
    context.putObject(CoreConstants.SHUTDOWN_HOOK_THREAD, hookThread);

    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("ASYNC");
    async.setQueueSize(8192);
    async.setDiscardingThreshold(0);
    async.addAppender(console);
    async.start();
    return async;
  }

  /** A system property first, then the environment, as logback.xml's {@code ${NAME:-default}}. */
  private static String setting(String name, String otherwise) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name);
    }
    return value == null ? otherwise : value;
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithArguments(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    return encoder;
  }
}
