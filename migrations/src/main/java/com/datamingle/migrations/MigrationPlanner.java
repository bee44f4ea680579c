package com.datamingle.migrations;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.MigrationFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.ibatis.migration.Change;

/**
 * Decides, without touching a database, what a command would apply or undo, and refuses what it
 * must not do: an unknown target, skipped parallel work, an applied migration whose script is gone,
 * or an edited applied migration. Every method is a function of a {@link MigrationStatus}, which
 * {@link #merge} builds from the scripts and the changelog's rows.
 */
final class MigrationPlanner {
  private MigrationPlanner() {}

  /** The scripts and the changelog's rows side by side, in id order, each with its state. */
  static MigrationStatus merge(
      List<Change> scripts, List<Changelog.Row> applied, Map<BigDecimal, String> checksums) {
    TreeMap<BigDecimal, MigrationEntry> byId = new TreeMap<>();
    Map<BigDecimal, Changelog.Row> appliedById = new HashMap<>();
    for (Changelog.Row row : applied) {
      appliedById.put(row.id().stripTrailingZeros(), row);
    }
    BigDecimal newestApplied =
        applied.stream().map(Changelog.Row::id).max(BigDecimal::compareTo).orElse(null);
    for (Change script : scripts) {
      BigDecimal id = script.getId().stripTrailingZeros();
      Changelog.Row row = appliedById.remove(id);
      MigrationEntry.State state;
      if (row != null) {
        state = MigrationEntry.State.APPLIED;
      } else if (newestApplied != null && script.getId().compareTo(newestApplied) < 0) {
        state = MigrationEntry.State.OUT_OF_ORDER;
      } else {
        state = MigrationEntry.State.PENDING;
      }
      byId.put(
          id,
          new MigrationEntry(
              script.getId().toPlainString(),
              script.getDescription(),
              script.getFilename(),
              row == null ? null : row.appliedAt(),
              state,
              row == null ? null : row.checksum(),
              checksums.get(id)));
    }
    for (Changelog.Row row : appliedById.values()) {
      byId.put(
          row.id().stripTrailingZeros(),
          new MigrationEntry(
              row.id().toPlainString(),
              row.description(),
              null,
              row.appliedAt(),
              MigrationEntry.State.MISSING_SCRIPT,
              row.checksum(),
              null));
    }
    return new MigrationStatus(new ArrayList<>(byId.values()));
  }

  /** One line per problem of {@code status}, empty when all is well. */
  static List<String> problems(MigrationStatus status, boolean outOfOrderIsAProblem) {
    List<String> problems = new ArrayList<>();
    for (MigrationEntry e : status.entries()) {
      if (e.checksumMismatch()) {
        problems.add(
            "migration "
                + e.fileName()
                + " was edited after it was applied: checksum applied to database "
                + e.recordedChecksum()
                + ", script now "
                + e.scriptChecksum()
                + "; revert the edit and write a new migration instead, or run `datamingle db"
                + " repair` to accept the file as it is");
      } else if (e.state() == MigrationEntry.State.MISSING_SCRIPT) {
        problems.add(
            "migration "
                + e.id()
                + " is applied but has no script here; use the datamingle build (or --migrations"
                + " folder) that applied it");
      } else if (outOfOrderIsAProblem && e.state() == MigrationEntry.State.OUT_OF_ORDER) {
        problems.add(
            "migration "
                + e.fileName()
                + " is older than the database's version but was never applied; run `datamingle db"
                + " merge`");
      }
    }
    return problems;
  }

  /** Refuses {@code action} when an applied migration was edited or lost its script. */
  static void requireValid(MigrationStatus status, String action) {
    List<String> problems = problems(status, false);
    if (!problems.isEmpty()) {
      throw new MigrationFailure(
          "refusing to " + action + ": " + String.join(System.lineSeparator() + "  ", problems));
    }
  }

  static void refuseMissingScripts(MigrationStatus status, String what) {
    List<MigrationEntry> missing = status.withState(MigrationEntry.State.MISSING_SCRIPT);
    if (!missing.isEmpty()) {
      throw new MigrationFailure(
          "refusing to "
              + what
              + ": the database records migration(s) "
              + missing.stream().map(MigrationEntry::id).toList()
              + " that have no script here; use the datamingle build (or --migrations folder) that"
              + " applied them");
    }
  }

  /**
   * What an upgrade to {@code version} (null: head) would apply, after refusing what it must not.
   */
  static List<MigrationEntry> upgrade(MigrationStatus before, String version) {
    refuseMissingScripts(before, "upgrade");
    requireValid(before, "upgrade");
    List<MigrationEntry> skipped = before.withState(MigrationEntry.State.OUT_OF_ORDER);
    if (!skipped.isEmpty()) {
      throw new MigrationFailure(
          "refusing to upgrade: "
              + skipped.size()
              + " migration(s) older than the database's version "
              + before.current().map(MigrationEntry::id).orElse("")
              + " were never applied ("
              + String.join(", ", skipped.stream().map(MigrationEntry::fileName).toList())
              + "), and an upgrade would skip them for good; run `datamingle db merge` to see them,"
              + " then `db merge --apply` to run them in order or `db merge --renumber` to move"
              + " them after head");
    }
    List<MigrationEntry> pending = before.withState(MigrationEntry.State.PENDING);
    if (version == null) {
      return pending;
    }
    BigDecimal wanted = knownVersion(before, version);
    Optional<MigrationEntry> current = before.current();
    if (current.isPresent() && new BigDecimal(current.get().id()).compareTo(wanted) > 0) {
      throw new MigrationFailure(
          "the database is at "
              + current.get().id()
              + ", newer than "
              + version
              + "; to go back, run `datamingle db downgrade "
              + version
              + "`");
    }
    return pending.stream().filter(e -> new BigDecimal(e.id()).compareTo(wanted) <= 0).toList();
  }

  /** What a downgrade of {@code steps} would undo; {@code database} names it in the refusal. */
  static List<MigrationEntry> downgradeSteps(MigrationStatus before, int steps, String database) {
    if (steps < 1) {
      throw new MigrationFailure(
          "a downgrade undoes at least one migration; give a positive number of steps");
    }
    List<MigrationEntry> applied = before.applied();
    if (applied.isEmpty()) {
      throw new MigrationFailure("nothing to downgrade: no migration is applied to " + database);
    }
    if (steps > applied.size()) {
      throw new MigrationFailure(
          "cannot undo "
              + steps
              + " migrations: only "
              + applied.size()
              + " are applied; use `datamingle db downgrade base` to undo them all");
    }
    return applied.subList(applied.size() - steps, applied.size());
  }

  /** What a downgrade to {@code version} (or base) would undo. */
  static List<MigrationEntry> downgradeTo(MigrationStatus before, String version) {
    if ("base".equals(version)) {
      return before.applied();
    }
    MigrationEntry entry = entry(before, version);
    if (!entry.applied()) {
      throw new MigrationFailure(
          "migration "
              + version
              + " is not applied, so the database cannot be taken back to it;"
              + " run `datamingle db history` to see what is applied");
    }
    BigDecimal wanted = new BigDecimal(entry.id());
    return before.applied().stream()
        .filter(e -> new BigDecimal(e.id()).compareTo(wanted) > 0)
        .toList();
  }

  /** Refuses an undo whose scripts are gone, or one of whose scripts has no undo section. */
  static void requireUndoable(
      MigrationStatus before, List<MigrationEntry> undo, Set<String> withoutUndo) {
    refuseMissingScripts(new MigrationStatus(undo), "downgrade");
    requireValid(before, "downgrade");
    for (MigrationEntry entry : undo) {
      if (withoutUndo.contains(entry.id())) {
        throw new MigrationFailure(
            "migration "
                + entry.fileName()
                + " has no undo section (-- //@UNDO followed by SQL), so it cannot be downgraded;"
                + " nothing was changed. Write a new migration that reverses it instead");
      }
    }
  }

  /** The ids a merge may run: those applied and those out of order, and nothing newer. */
  static Set<String> mergeable(MigrationStatus before) {
    refuseMissingScripts(before, "merge");
    requireValid(before, "merge");
    return before.entries().stream()
        .filter(e -> e.applied() || e.state() == MigrationEntry.State.OUT_OF_ORDER)
        .map(MigrationEntry::id)
        .collect(Collectors.toSet());
  }

  /** The migration id a stamp to {@code version} ({@code head} or an id) means. */
  static String stampTarget(MigrationStatus status, String version) {
    if ("base".equals(version)) {
      throw new MigrationFailure(
          "stamping base would forget every migration while their tables stay; use `datamingle db"
              + " downgrade base` to undo them, or `datamingle reset-db` to start over");
    }
    if ("head".equals(version)) {
      return status
          .head()
          .map(MigrationEntry::id)
          .orElseThrow(() -> new MigrationFailure("there are no migration scripts to stamp"));
    }
    return entry(status, version).id();
  }

  private static MigrationEntry entry(MigrationStatus status, String version) {
    BigDecimal wanted = knownVersion(status, version);
    return status.entries().stream()
        .filter(e -> new BigDecimal(e.id()).compareTo(wanted) == 0)
        .findFirst()
        .orElseThrow();
  }

  private static BigDecimal knownVersion(MigrationStatus status, String version) {
    if (version == null || !version.matches("\\d{1,20}")) {
      throw new MigrationFailure(
          "'"
              + version
              + "' is not a migration id; ids are 14 digits such as 20261124000002"
              + " (run `datamingle db history` to list them)");
    }
    BigDecimal wanted = new BigDecimal(version);
    boolean known =
        status.entries().stream().anyMatch(e -> new BigDecimal(e.id()).compareTo(wanted) == 0);
    if (!known) {
      throw new MigrationFailure(
          "no migration has the id " + version + "; run `datamingle db history` to list them");
    }
    return wanted;
  }
}
