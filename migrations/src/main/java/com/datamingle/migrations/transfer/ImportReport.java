package com.datamingle.migrations.transfer;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do).
 *
 * @param source the source, without credentials
 * @param sourceKind what the source is: DataMingle at a version, or the Flask prototype
 * @param target the target, without credentials
 * @param dryRun nothing was written
 * @param tables one entry per target table
 * @param findings what was not copied as it was (the first of each kind)
 * @param findingsLeftOut how many more findings were counted but not listed
 * @param millis the whole import's wall time, verification included
 */
public record ImportReport(
    String source,
    String sourceKind,
    String target,
    boolean dryRun,
    List<Table> tables,
    List<Finding> findings,
    long findingsLeftOut,
    long millis) {

  public ImportReport {
    tables = List.copyOf(tables);
    findings = List.copyOf(findings);
  }

  /**
   * One table: rows and content checksum as read from the source (after the conversions named in
   * the findings) and as read back from the target; in a dry run the target side is empty.
   *
   * @param sourceTable the source table, or null when the source has none of that name
   */
  public record Table(
      String name,
      String sourceTable,
      long sourceRows,
      long targetRows,
      String sourceChecksum,
      String targetChecksum,
      long millis) {
    /** Rows and checksums agree (always false in a dry run, where nothing is read back). */
    public boolean verified() {
      return sourceRows == targetRows
          && sourceChecksum != null
          && sourceChecksum.equals(targetChecksum);
    }
  }

  /** True when a finding refuses the import (only a dry run returns such a report). */
  public boolean refused() {
    return findings.stream().anyMatch(f -> f.action() == Finding.Action.REFUSED);
  }

  public long rows() {
    return tables.stream().mapToLong(Table::sourceRows).sum();
  }

  /** Rows per second over the whole import. */
  public long rowsPerSecond() {
    return millis == 0 ? rows() * 1000 : rows() * 1000 / millis;
  }
}
