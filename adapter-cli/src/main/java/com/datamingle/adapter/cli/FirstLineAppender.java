package com.datamingle.adapter.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.function.Supplier;

/**
 * The root appender {@link LogConfigurator} installs: it makes the real one (the encoder, the
 * console and the background writer) when the first line is logged, and hands every line to it. A
 * short command that logs nothing then starts neither the pattern's converters nor the writer's
 * thread (about a sixth of a cold {@code db current}). Stopping it stops the real one, which writes
 * out what it still holds.
 */
final class FirstLineAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private final Supplier<Appender<ILoggingEvent>> make;
  private volatile Appender<ILoggingEvent> target;

  FirstLineAppender(Supplier<Appender<ILoggingEvent>> make) {
    this.make = make;
  }

  @Override
  protected void append(ILoggingEvent event) {
    Appender<ILoggingEvent> to = target;
    if (to == null) {
      to = made();
    }
    to.doAppend(event);
  }

  private synchronized Appender<ILoggingEvent> made() {
    if (target == null) {
      target = make.get();
    }
    return target;
  }

  @Override
  public synchronized void stop() {
    if (target != null) {
      target.stop();
    }
    super.stop();
  }
}
