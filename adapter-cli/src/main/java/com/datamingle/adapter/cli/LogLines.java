package com.datamingle.adapter.cli;

import java.io.Writer;
import org.slf4j.Logger;

/**
 * Standard error as log events, for {@code DATAMINGLE_LOG_FORMAT=json}: each line the commands
 * write there (start-up banners, progress, error messages) becomes one log event, so that every
 * line on standard error is one JSON object. A line is logged when it ends, not when flushed.
 */
final class LogLines extends Writer {
  private final Logger log;
  private final StringBuilder line = new StringBuilder();

  LogLines(Logger log) {
    this.log = log;
  }

  @Override
  public synchronized void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = chars[i];
      if (c == '\n') {
        emit();
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }

  private void emit() {
    log.info(line.toString());
    line.setLength(0);
  }

  @Override
  public void flush() {
    // a line is logged when it ends
  }

  @Override
  public synchronized void close() {
    if (line.length() > 0) {
      emit();
    }
  }
}
