package com.datamingle.migrations;

import com.datamingle.migrations.changelog.Changelog;
import com.datamingle.migrations.database.MigrationTarget;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the changelog directly, for what MyBatis Migrations does not do: checksums, and marking
 * migrations applied or not without running them (stamp). The caller holds the schema lock.
 */
final class ChangelogEditor {
  private final MigrationTarget target;

  ChangelogEditor(MigrationTarget target) {
    this.target = target;
  }

  boolean exists() {
    try (Connection connection = target.open()) {
      return Changelog.exists(connection);
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }

  /** Stores the script checksum of every applied migration of {@code now} that has none yet. */
  void recordMissingChecksums(MigrationStatus now) {
    recordChecksums(
        now.entries().stream()
            .filter(e -> e.state() == MigrationEntry.State.APPLIED && e.recordedChecksum() == null)
            .toList());
  }

  /** Stores the script checksum of each of {@code entries}. */
  void recordChecksums(List<MigrationEntry> entries) {
    try (Connection connection = target.open()) {
      if (!Changelog.exists(connection)) {
        return;
      }
      for (MigrationEntry e : entries) {
        Changelog.recordChecksum(connection, new BigDecimal(e.id()), e.scriptChecksum());
      }
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
  }

  /**
   * Marks every migration up to {@code wanted} as applied and unmarks every newer one; returns
   * those marked and those unmarked.
   */
  Marks stamp(MigrationStatus now, BigDecimal wanted) {
    List<MigrationEntry> marked = new ArrayList<>();
    List<MigrationEntry> unmarked = new ArrayList<>();
    try (Connection connection = target.open()) {
      for (MigrationEntry e : now.entries()) {
        BigDecimal id = new BigDecimal(e.id());
        if (!e.applied() && id.compareTo(wanted) <= 0) {
          Changelog.insert(connection, id, e.description(), e.scriptChecksum());
          marked.add(e);
        } else if (e.applied() && id.compareTo(wanted) > 0) {
          Changelog.delete(connection, id);
          unmarked.add(e);
        }
      }
    } catch (SQLException e) {
      throw target.unreachable(e);
    }
    return new Marks(marked, unmarked);
  }

  record Marks(List<MigrationEntry> marked, List<MigrationEntry> unmarked) {}
}
