package com.datamingle.migrations;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.MigrationTarget;
import com.datamingle.migrations.scripts.ScriptLoader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.migration.Change;

/**
 * Every known migration, in id order, with its state; what {@code db history} and {@code db
 * current} show.
 */
public record MigrationStatus(List<MigrationEntry> entries) {

  public MigrationStatus {
    entries = List.copyOf(entries);
  }

  /**
   * The scripts of {@code loader} and {@code target}'s changelog merged; with {@code checksums},
   * each script's text is read for {@link MigrationEntry#scriptChecksum} (else it stays null).
   */
  static MigrationStatus read(MigrationTarget target, ScriptLoader loader, boolean checksums) {
    List<Change> scripts = loader.getMigrations();
    Map<BigDecimal, String> sums = new HashMap<>();
    for (Change c : checksums ? scripts : List.<Change>of()) {
      sums.put(c.getId().stripTrailingZeros(), loader.checksum(c.getFilename()));
    }
    return MigrationPlanner.merge(scripts, Changelog.read(target), sums);
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
