package com.datamingle.migrations;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Every known migration, in id order, with its state; what {@code db history} and {@code db
 * current} show.
 */
public record MigrationStatus(List<MigrationEntry> entries) {

  public MigrationStatus {
    entries = List.copyOf(entries);
  }

  /** The newest applied migration: the database's version. Empty for an empty database. */
  public Optional<MigrationEntry> current() {
    return entries.stream().filter(MigrationEntry::applied).reduce((a, b) -> b);
  }

  /** The newest script: the version an upgrade reaches. */
  public Optional<MigrationEntry> head() {
    return entries.stream()
        .filter(e -> e.state() != MigrationEntry.State.MISSING_SCRIPT)
        .reduce((a, b) -> b);
  }

  public List<MigrationEntry> withState(MigrationEntry.State state) {
    return entries.stream().filter(e -> e.state() == state).toList();
  }

  public List<MigrationEntry> applied() {
    return entries.stream().filter(MigrationEntry::applied).toList();
  }

  /**
   * Migrations the database records that are newer than every script here: a newer build applied
   * them, and this one is older than the schema. Empty when there is none, or when the database
   * also lacks a script of this build or lost one in the middle (then this build is not simply
   * older).
   */
  public List<MigrationEntry> newerThanScripts() {
    List<MigrationEntry> unknown = withState(MigrationEntry.State.MISSING_SCRIPT);
    Optional<MigrationEntry> newestScript = head();
    boolean allNewer =
        unknown.stream()
            .allMatch(
                e ->
                    newestScript.isEmpty()
                        || new BigDecimal(e.id()).compareTo(new BigDecimal(newestScript.get().id()))
                            > 0);
    boolean nothingElse =
        entries.stream()
            .allMatch(
                e ->
                    e.state() == MigrationEntry.State.APPLIED
                        || e.state() == MigrationEntry.State.MISSING_SCRIPT);
    return allNewer && nothingElse ? unknown : List.of();
  }

  /** True when every script is applied and every applied migration has its script. */
  public boolean atHead() {
    return entries.stream().allMatch(e -> e.state() == MigrationEntry.State.APPLIED);
  }
}
