package com.datamingle.migrations.lint;

import java.util.Optional;

/**
 * One statement that a rule flags: where it is, what it is, and, when a {@code -- lint:accept}
 * comment covers it, the reason given.
 *
 * @param detail what exactly the rule saw in this statement, e.g. "varchar(100) to integer"
 * @param acceptedBecause the reason from the accept comment; null when not accepted
 */
public record Finding(
    Rule rule,
    SqlDialect dialect,
    String file,
    int line,
    String statement,
    String detail,
    String acceptedBecause) {

  public boolean accepted() {
    return acceptedBecause != null;
  }

  public Optional<String> acceptance() {
    return Optional.ofNullable(acceptedBecause);
  }

  /** An error-level finding that no comment accepts: it fails {@code db lint}. */
  public boolean blocking() {
    return !accepted() && rule.severity() == Rule.Severity.ERROR;
  }

  /** Why it is dangerous, with what the rule saw. */
  public String why() {
    return detail.isEmpty() ? rule.why() : detail + ": " + rule.why();
  }

  Finding accept(String reason) {
    return new Finding(rule, dialect, file, line, statement, detail, reason);
  }
}
