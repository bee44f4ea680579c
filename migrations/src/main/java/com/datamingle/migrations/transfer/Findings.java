package com.datamingle.migrations.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one import. Every finding is counted; the first {@value #KEPT} of each kind (same
 * table, column and action) are kept with their row, so a million bad rows do not fill the memory.
 */
final class Findings {
  static final int KEPT = 50;

  private final List<Finding> kept = new ArrayList<>();
  private final Map<String, Long> counts = new HashMap<>();
  private long leftOut;
  private boolean refused;

  void add(Finding finding) {
    String kind = finding.table() + "\u0000" + finding.column() + "\u0000" + finding.action();
    long n = counts.merge(kind, 1L, Long::sum);
    if (finding.action() == Finding.Action.REFUSED) {
      refused = true;
    }
    if (n <= KEPT) {
      kept.add(finding);
    } else {
      leftOut++;
    }
  }

  /** True when any finding stops the import. */
  boolean refused() {
    return refused;
  }

  List<Finding> kept() {
    return List.copyOf(kept);
  }

  /** How many findings were counted but not kept. */
  long leftOut() {
    return leftOut;
  }

  long count(Finding.Action action) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().endsWith("\u0000" + action))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
