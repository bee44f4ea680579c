package com.datamingle.adapter.cli.command.db;

import com.datamingle.adapter.cli.command.common.Output;
import com.datamingle.migrations.transfer.Finding;
import com.datamingle.migrations.transfer.ImportReport;
import java.util.Locale;
import java.util.Map;

/** An {@link ImportReport} as {@code db import --json} prints it (written by {@link Output}). */
final class ImportJson {
  private ImportJson() {}

  static Map<String, Object> of(ImportReport report) {
    return Output.object(
        "source", report.source(),
        "source_kind", report.sourceKind(),
        "target", report.target(),
        "dry_run", report.dryRun(),
        "refused", report.refused(),
        "rows", report.rows(),
        "millis", report.millis(),
        "rows_per_second", report.rowsPerSecond(),
        "timestamp_precision", "millisecond",
        "tables", report.tables().stream().map(t -> table(t, report.dryRun())).toList(),
        "findings", report.findings().stream().map(ImportJson::finding).toList(),
        "findings_not_listed", report.findingsLeftOut());
  }

  private static Map<String, Object> table(ImportReport.Table t, boolean dryRun) {
    return Output.object(
        "name", t.name(),
        "source_table", t.sourceTable(),
        "source_rows", t.sourceRows(),
        "target_rows", dryRun ? null : t.targetRows(),
        "source_checksum", t.sourceChecksum(),
        "target_checksum", t.targetChecksum(),
        "verified", t.verified());
  }

  private static Map<String, Object> finding(Finding f) {
    return Output.object(
        "table", f.table(),
        "row", f.row(),
        "column", f.column(),
        "problem", f.problem(),
        "action", f.action().name().toLowerCase(Locale.ROOT));
  }
}
