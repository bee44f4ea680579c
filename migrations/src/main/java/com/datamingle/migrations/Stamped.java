package com.datamingle.migrations;

import java.util.List;

/**
 * What a stamp did: the migration it ran to create the changelog (when there was none), those it
 * marked as applied without running them, and those it unmarked (their tables stay).
 */
public record Stamped(
    List<MigrationEntry> ran, List<MigrationEntry> marked, List<MigrationEntry> unmarked) {
  public boolean nothing() {
    return ran.isEmpty() && marked.isEmpty() && unmarked.isEmpty();
  }
}
