package com.datamingle.migrations.lint;

import java.util.List;

/** What {@code db lint} found in the scripts it checked. */
public record LintReport(List<String> checkedFiles, List<Finding> findings) {
  public LintReport {
    checkedFiles = List.copyOf(checkedFiles);
    findings = List.copyOf(findings);
  }

  /** Error-level findings no comment accepts; any fails the lint. */
  public List<Finding> blocking() {
    return findings.stream().filter(Finding::blocking).toList();
  }

  public boolean passes() {
    return blocking().isEmpty();
  }
}
